package io.quarkiverse.airlock.runtime.outbox;

import java.util.UUID;

/**
 * A row a relay claimed: what it needs to deliver it. {@code attempt} already counts this attempt.
 *
 * @param orderingKey the intent's ordering key, or null
 * @param orderingSeq its place among the unfinished rows of that key, 0 when it holds no place (no key, or it left
 *        the key's order when it was dead-lettered)
 */
public record ClaimedRow(UUID id, String task, String args, String options, String origin, int attempt,
        String orderingKey, long orderingSeq) {

    /** Whether finishing this row lets the next row of its key go. */
    boolean headsItsKey() {
        return orderingSeq > 0;
    }
}
