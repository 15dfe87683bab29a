package io.quarkiverse.airlock;

import java.util.UUID;

/**
 * The outbox row being delivered: see {@link AirlockOutbox#currentDelivery()}.
 *
 * @param id the row's id, stable across attempts: a key for idempotent handlers
 * @param attempt 1 on the first attempt, 2 on the first retry, and so on
 */
public record OutboxDelivery(UUID id, int attempt) {

    static final ThreadLocal<OutboxDelivery> CURRENT = new ThreadLocal<>();

    /** Runs {@code body} with this delivery visible to {@link AirlockOutbox#currentDelivery()}. */
    public void runWith(Runnable body) {
        OutboxDelivery previous = CURRENT.get();
        CURRENT.set(this);
        try {
            body.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
