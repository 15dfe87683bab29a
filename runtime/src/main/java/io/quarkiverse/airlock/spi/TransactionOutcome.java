package io.quarkiverse.airlock.spi;

/** What became of a transaction that a scope's intents wait for. */
public enum TransactionOutcome {
    /** Still running: it may commit or roll back. */
    ACTIVE,
    COMMITTED,
    /** Rolled back, or marked so that it can only roll back. */
    ROLLED_BACK,
    /** Ended without a known outcome (heuristic, or the manager no longer knows it). */
    UNKNOWN
}
