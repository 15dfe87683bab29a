package io.quarkiverse.airlock.runtime.outbox;

import java.util.UUID;

/** A row a relay claimed: what it needs to deliver it. {@code attempt} already counts this attempt. */
public record ClaimedRow(UUID id, String task, String args, String options, String origin, int attempt) {
}
