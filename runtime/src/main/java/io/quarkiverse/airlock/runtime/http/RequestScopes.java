package io.quarkiverse.airlock.runtime.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Installs the per-request scope filter. Registered as a bean only when {@code quarkus.airlock.http.auto-scope=true}
 * and the application serves HTTP.
 */
@Singleton
public class RequestScopes {

    /** Runs before the filters of most extensions, so their code already sees the request's scope. */
    public static final int FILTER_PRIORITY = 1000;

    void register(@Observes @Priority(1) Filters filters) {
        filters.register(new RequestScopeHandler(), FILTER_PRIORITY);
    }
}
