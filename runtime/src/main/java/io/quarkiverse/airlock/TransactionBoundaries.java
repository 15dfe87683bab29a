package io.quarkiverse.airlock;

import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.DispatchDeferral;
import io.quarkiverse.airlock.spi.ScopeState;
import io.quarkiverse.airlock.spi.TransactionGate;

/**
 * For code that demarcates a transaction inside a scope ({@code @Transactional}, a programmatic transaction): binds
 * what the scope buffered during the transaction to it, so that those intents escape only if it commits, however
 * late the scope itself flushes. Without it, an intent enqueued directly into an enclosing scope (the HTTP auto-scope
 * around a {@code @Transactional} service, say) would escape at that scope's flush even after a rollback.
 *
 * <pre>
 * Scope scope = TransactionBoundaries.current();
 * int mark = TransactionBoundaries.mark(scope);
 * ... // the transaction's work, which enqueues
 * TransactionBoundaries.bind(scope, mark); // still inside the transaction, before it ends
 * </pre>
 */
public final class TransactionBoundaries {

    private TransactionBoundaries() {
    }

    /** The scope current where the caller runs, or null. */
    public static Scope current() {
        ScopeState state = AirlockHooks.scopes().current();
        return state == null ? null : state.scope();
    }

    /** Where {@code scope}'s buffer stands now. */
    public static int mark(Scope scope) {
        return scope.size();
    }

    /**
     * Binds the intents that entered {@code scope} since {@code mark} to the transaction the caller runs in (none
     * outside one: then this does nothing). Those already bound to a transaction keep theirs.
     */
    public static void bind(Scope scope, int mark) {
        DispatchDeferral deferral = AirlockHooks.deferral();
        if (deferral == null || scope.size() == mark) {
            return;
        }
        TransactionGate gate = deferral.gate();
        if (gate != null) {
            scope.bindSince(mark, gate);
        }
    }
}
