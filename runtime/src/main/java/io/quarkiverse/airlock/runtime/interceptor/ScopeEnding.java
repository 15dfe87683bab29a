package io.quarkiverse.airlock.runtime.interceptor;

import io.quarkiverse.airlock.Scope;

/** Ends a scope without letting a failure to end it hide what the method did. */
final class ScopeEnding {

    private ScopeEnding() {
    }

    /**
     * Exits; if that fails (a nested scope left open), the scope is discarded, since its unit of work did not end
     * cleanly, and the failure is thrown. The thread or context is given back either way.
     */
    static void exit(Scope scope) {
        try {
            scope.exit();
        } catch (RuntimeException | Error e) {
            if (!scope.isDiscarded()) {
                try {
                    scope.discard("could not exit: " + e.getMessage());
                } catch (RuntimeException | Error discarding) {
                    e.addSuppressed(discarding);
                }
            }
            throw e;
        }
    }

    /** Exits and discards after the method threw; what fails meanwhile is attached to its exception. */
    static void discardAfter(Scope scope, Throwable failure) {
        try {
            exit(scope);
            scope.discard("threw " + failure);
        } catch (RuntimeException | Error e) {
            failure.addSuppressed(e);
        }
    }
}
