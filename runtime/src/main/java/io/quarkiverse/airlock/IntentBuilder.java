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

    /** Enqueues the intent into the current scope, with the same rules as {@link Airlock#enqueue(String, Object...)}. */
    Intent enqueue();
}
