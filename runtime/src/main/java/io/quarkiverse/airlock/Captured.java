package io.quarkiverse.airlock;

import io.quarkiverse.airlock.spi.BuiltinExecutor;
import io.quarkiverse.airlock.spi.TransactionGate;

/**
 * What a scope remembers of an intent beyond the intent itself: the policies of the nested scopes it was captured from
 * (they still have their say when it finally flushes), the transaction it belongs to, and what an executor stored of
 * it in that transaction.
 */
final class Captured {

    private static final Policy[] NONE = new Policy[0];

    /** Policies of the scopes the intent was captured from, outermost last. */
    final Policy[] scopePolicies;
    /** The transaction the intent was first flushed in, or null. */
    final TransactionGate gate;
    /** The executor that holds a stored copy of the intent, and its handle; both null when nothing is held. */
    final BuiltinExecutor holder;
    final Object held;

    private Captured(Policy[] scopePolicies, TransactionGate gate, BuiltinExecutor holder, Object held) {
        this.scopePolicies = scopePolicies;
        this.gate = gate;
        this.holder = holder;
        this.held = held;
    }

    /**
     * @param before what the flushing scope knew of the intent (it had captured it itself), or null
     * @param policy the flushing scope's policy
     * @param gate the transaction the flush happens in, or null
     */
    static Captured from(Captured before, Policy policy, TransactionGate gate) {
        Policy[] previous = before == null ? NONE : before.scopePolicies;
        Policy[] policies = previous;
        // AllowAll has nothing to say: most nested scopes (an @AirlockScope service under the request's scope) leave
        // nothing to remember, and cost no allocation
        if (policy.getClass() != AllowAll.class) {
            policies = new Policy[previous.length + 1];
            System.arraycopy(previous, 0, policies, 0, previous.length);
            policies[previous.length] = policy;
        }
        if (before == null) {
            return gate == null && policies == NONE ? null : new Captured(policies, gate, null, null);
        }
        if (policies == previous && (before.gate != null || gate == null)) {
            return before;
        }
        // the first transaction decides: the intent was expressed in it
        return new Captured(policies, before.gate != null ? before.gate : gate, before.holder, before.held);
    }

    /** An intent enqueued directly into the scope, bound to the transaction it was enqueued in. */
    static Captured bound(TransactionGate gate) {
        return new Captured(NONE, gate, null, null);
    }

    Captured waitingFor(TransactionGate transaction) {
        return new Captured(scopePolicies, transaction, holder, held);
    }

    Captured holding(BuiltinExecutor holder, Object held) {
        return new Captured(scopePolicies, gate, holder, held);
    }
}
