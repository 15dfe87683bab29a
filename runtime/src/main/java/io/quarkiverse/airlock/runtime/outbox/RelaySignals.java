package io.quarkiverse.airlock.runtime.outbox;

/**
 * What a relay reports as it delivers rows, for metrics. Called on the relay's threads right after an outcome is
 * known: implementations are cheap and never throw.
 */
public interface RelaySignals {

    RelaySignals NONE = new RelaySignals() {
    };

    /** A row of {@code task} was delivered; its handler (or hand-off) took {@code nanos}. */
    default void delivered(String task, long nanos) {
    }

    /** An attempt of a row of {@code task} failed; {@code deadLettered} when it was the last one. */
    default void failed(String task, boolean deadLettered) {
    }
}
