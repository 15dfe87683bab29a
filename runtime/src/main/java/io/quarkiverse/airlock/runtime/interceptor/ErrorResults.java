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

    /**
     * Whether a method declared to return {@code declared} may return a REST response at all: worked out once per
     * method, so that a method returning a {@code String} or an entity pays no check per call.
     */
    static boolean mayBeResponse(Class<?> declared) {
        if (declared.isPrimitive()) {
            return false;
        }
        if (declared == Object.class || declared.isInterface()) {
            // a response is an Object and an AutoCloseable
            return true;
        }
        for (Class<?> type = declared; type != null && type != Object.class; type = type.getSuperclass()) {
            if (type.getName().equals(RESPONSE) || type.getName().equals(REST_RESPONSE)) {
                return true;
            }
        }
        return false;
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
