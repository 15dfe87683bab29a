package io.quarkiverse.airlock;

/**
 * Builds an intent with dispatch options and an origin; see {@link Airlock#intent(String)}.
 */
public interface IntentBuilder {

    /** The positional task arguments; the array is copied, {@code null} elements are kept. */
    IntentBuilder args(Object... args);

    /** A dispatch option for the executor: {@code queue}, {@code delay}, {@code priority}... */
    IntentBuilder option(String key, Object value);

    /** Free text telling where the intent comes from: request path, trace id... */
    IntentBuilder origin(String origin);

    /**
     * Delivers this intent after every earlier intent of the same key, one at a time, in the order their transactions
     * committed, while intents of other keys run in parallel: through the outbox, and as the record key on Kafka.
     * Executors that run intents at once (sync, worker...) run a scope's intents in their order anyway.
     *
     * @param key a customer id, an order id...: not blank, at most {@link Intent#MAX_ORDERING_KEY_LENGTH} characters
     * @throws IllegalArgumentException when the key is null, blank or too long
     */
    IntentBuilder orderingKey(String key);

    /** Enqueues the intent into the current scope, with the same rules as {@link Airlock#enqueue(String, Object...)}. */
    Intent enqueue();
}
