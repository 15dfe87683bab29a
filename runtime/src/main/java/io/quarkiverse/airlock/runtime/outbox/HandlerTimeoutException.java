package io.quarkiverse.airlock.runtime.outbox;

import java.time.Duration;

import io.quarkiverse.airlock.runtime.config.Durations;

/** Recorded as a row's failure when its handler outlived {@code quarkus.airlock.outbox.handler-timeout}. */
final class HandlerTimeoutException extends RuntimeException {

    HandlerTimeoutException(ClaimedRow row, Duration timeout) {
        super("The handler of task '" + row.task() + "' did not finish within " + Durations.human(timeout)
                + " (quarkus.airlock.outbox.handler-timeout): the relay went on without it", null, false, false);
    }
}
