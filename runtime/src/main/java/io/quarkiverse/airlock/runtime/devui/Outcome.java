package io.quarkiverse.airlock.runtime.devui;

/**
 * What happened to an intent, as the History page lists it.
 */
public enum Outcome {
    /** Handed to its executor. */
    DISPATCHED,
    /** A policy did not allow it when its scope flushed. */
    DROPPED,
    /** Its scope was discarded. */
    DISCARDED,
    /** It left its scope but waits for the surrounding transaction to commit. */
    WAITING_FOR_COMMIT,
    /** The transaction it waited for rolled back. */
    ROLLED_BACK,
    /** Its handler threw. */
    FAILED;

    /** The outcome named {@code name}, case and separators ignored; null for a blank or unknown name. */
    static Outcome parse(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String normalized = name.trim().toUpperCase().replace('-', '_').replace(' ', '_');
        for (Outcome outcome : values()) {
            if (outcome.name().equals(normalized)) {
                return outcome;
            }
        }
        return null;
    }
}
