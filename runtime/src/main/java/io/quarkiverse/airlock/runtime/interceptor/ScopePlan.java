package io.quarkiverse.airlock.runtime.interceptor;

import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;

/**
 * What an {@code @AirlockScope} method needs on every call, worked out on its first call.
 */
final class ScopePlan {

    private final Policy policy;
    private final ReturnKind returnKind;
    private final String origin;
    private final boolean mayReturnResponse;

    ScopePlan(Policy policy, ReturnKind returnKind, String origin, boolean mayReturnResponse) {
        this.policy = policy;
        this.returnKind = returnKind;
        this.origin = origin;
        this.mayReturnResponse = mayReturnResponse;
    }

    /** A scope with the method's policy, or with the configured defaults when it names none. */
    Scope newScope() {
        return (policy == null ? new Scope() : new Scope(policy)).withOrigin(origin);
    }

    ReturnKind returnKind() {
        return returnKind;
    }

    /** Whether what the method returns may be an HTTP error response, which discards the scope. */
    boolean isError(Object result) {
        return mayReturnResponse && ErrorResults.isError(result);
    }
}
