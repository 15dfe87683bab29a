package io.quarkiverse.airlock.runtime;

import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.runtime.context.ScopeHolders;
import io.quarkiverse.airlock.runtime.context.ScopeState;

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

    /** Reaches into {@link Scope}; installed by Scope itself so that nothing else can. */
    public interface Access {
        int size(Scope scope);

        void bindSince(Scope scope, int mark, TransactionGate gate);
    }

    private static volatile Access access;

    private TransactionBoundaries() {
    }

    public static void install(Access scopeAccess) {
        if (access != null) {
            throw new IllegalStateException("Scope access is already installed");
        }
        access = scopeAccess;
    }

    /** The scope current where the caller runs, or null. */
    public static Scope current() {
        ScopeState state = ScopeHolders.get().current();
        return state == null ? null : state.scope();
    }

    /** Where {@code scope}'s buffer stands now. */
    public static int mark(Scope scope) {
        return access().size(scope);
    }

    /**
     * Binds the intents that entered {@code scope} since {@code mark} to the transaction the caller runs in (none
     * outside one: then this does nothing). Those already bound to a transaction keep theirs.
     */
    public static void bind(Scope scope, int mark) {
        DispatchDeferral deferral = DispatchDeferral.installed();
        if (deferral == null || access().size(scope) == mark) {
            return;
        }
        TransactionGate gate = deferral.gate();
        if (gate != null) {
            access().bindSince(scope, mark, gate);
        }
    }

    /** Installed when Scope initializes, which it has for any scope a caller holds. */
    private static Access access() {
        return access;
    }
}
