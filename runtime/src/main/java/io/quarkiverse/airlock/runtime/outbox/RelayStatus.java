package io.quarkiverse.airlock.runtime.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A relay's state as operators see it (readiness check, Dev UI).
 *
 * @param running whether its thread is started and not stopped
 * @param tableReachable whether its last round trip to the table succeeded
 * @param lastActivity when it last finished a look for due rows or a row's delivery
 * @param stallAfter how long without activity means it is stuck (a handler past its timeout, a thread that died)
 * @param lastError why the table could not be reached, while it cannot
 */
public record RelayStatus(boolean running, boolean tableReachable, Instant lastActivity, Duration stallAfter,
        Optional<String> lastError) {

    /** Running, but nothing done for longer than {@link #stallAfter()}. */
    public boolean stalled(Instant now) {
        return running && lastActivity.plus(stallAfter).isBefore(now);
    }
}
