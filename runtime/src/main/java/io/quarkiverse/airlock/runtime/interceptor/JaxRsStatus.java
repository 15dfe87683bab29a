package io.quarkiverse.airlock.runtime.interceptor;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * Reads the status of REST results. Loaded only once such a result was seen, so the REST types are optional.
 */
final class JaxRsStatus {

    private JaxRsStatus() {
    }

    static int ofResponse(Object response) {
        return ((Response) response).getStatus();
    }

    static int ofRestResponse(Object response) {
        return ((RestResponse<?>) response).getStatus();
    }
}
