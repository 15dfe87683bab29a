package io.quarkiverse.airlock.runtime.outbox;

import jakarta.transaction.Transaction;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionImple;

/**
 * Whether a handler did anything its row's transaction must commit: with Narayana, a resource it enlisted (a
 * connection of a transactional datasource) or a synchronization it registered (an ORM session that flushes before
 * completion, intents waiting for the commit). JTA itself cannot tell; any other transaction is assumed to carry
 * writes.
 */
final class TransactionFootprint {

    private TransactionFootprint() {
    }

    static boolean wroteThrough(Transaction transaction) {
        if (transaction instanceof TransactionImple narayana) {
            return !narayana.getResources().isEmpty() || !narayana.getSynchronizations().isEmpty();
        }
        return true;
    }
}
