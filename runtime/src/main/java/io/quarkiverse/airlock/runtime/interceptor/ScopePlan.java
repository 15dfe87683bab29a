package io.quarkiverse.airlock.runtime.interceptor;

import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;

/**
 * What an {@code @AirlockScope} method needs on every call, worked out on its first call.
 *
 * @param policy the method's policy, or null for the configured default
 * @param mayReturnResponse whether what the method returns may be an HTTP response, whose status decides
 */
record ScopePlan(Policy policy, ReturnKind returnKind, String origin, boolean mayReturnResponse) {

    /** A scope with the method's policy, or with the configured defaults when it names none. */
    Scope newScope() {
        return (policy == null ? new Scope() : new Scope(policy)).withOrigin(origin);
    }

    /** Whether what the method returned is an HTTP error response, which discards the scope. */
    boolean isError(Object result) {
        return mayReturnResponse && ErrorResults.isError(result);
    }
}
