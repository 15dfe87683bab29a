package io.quarkiverse.airlock.spi;

import java.util.List;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;

/**
 * The transaction a nested scope flushed in, remembered by the enclosing scope that captured its intents: they escape
 * only if that transaction commits, whenever and wherever the enclosing scope flushes.
 */
public interface TransactionGate {

    /** What became of the transaction so far. */
    TransactionOutcome outcome();

    /**
     * Dispatches {@code intents}, which every scope and policy already allowed, through {@code executor} once the
     * transaction commits, and drops them if it rolls back. For an enclosing scope that flushes while the transaction
     * of its captured intents is still running elsewhere.
     */
    void dispatchAfterCommit(List<Intent> intents, IntentExecutor executor);

    /** The gate of a transaction that can only roll back. */
    TransactionGate ROLLED_BACK = new TransactionGate() {
        @Override
        public TransactionOutcome outcome() {
            return TransactionOutcome.ROLLED_BACK;
        }

        @Override
        public void dispatchAfterCommit(List<Intent> intents, IntentExecutor executor) {
        }

        @Override
        public String toString() {
            return "a transaction marked for rollback";
        }
    };
}
