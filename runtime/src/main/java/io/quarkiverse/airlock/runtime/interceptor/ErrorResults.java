package io.quarkiverse.airlock.runtime.interceptor;

/**
 * Recognises a returned HTTP error ({@code jakarta.ws.rs.core.Response} or {@code RestResponse} with status 400 or
 * above), which discards the scope like an exception would. The types are matched by name so that applications
 * without a REST extension never load them.
 */
final class ErrorResults {

    private static final String RESPONSE = "jakarta.ws.rs.core.Response";
    private static final String REST_RESPONSE = "org.jboss.resteasy.reactive.RestResponse";

    private ErrorResults() {
    }

    static boolean isError(Object result) {
        if (result == null) {
            return false;
        }
        for (Class<?> type = result.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            String name = type.getName();
            if (name.equals(RESPONSE)) {
                return JaxRsStatus.ofResponse(result) >= 400;
            }
            if (name.equals(REST_RESPONSE)) {
                return JaxRsStatus.ofRestResponse(result) >= 400;
            }
        }
        return false;
    }
}
