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
        return status(result) >= 400;
    }

    /** Why a result discards its scope, for the listeners. */
    static String describe(Object result) {
        return "returned HTTP " + status(result);
    }

    /** The HTTP status of a REST response, or -1 for any other result. */
    private static int status(Object result) {
        if (result == null) {
            return -1;
        }
        for (Class<?> type = result.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            String name = type.getName();
            if (name.equals(RESPONSE)) {
                return JaxRsStatus.ofResponse(result);
            }
            if (name.equals(REST_RESPONSE)) {
                return JaxRsStatus.ofRestResponse(result);
            }
        }
        return -1;
    }
}
