package io.quarkiverse.airlock;

/**
 * A block of code that may throw a checked exception, see {@link Airlock#policy(Policy, ThrowingRunnable)}.
 */
@FunctionalInterface
public interface ThrowingRunnable<E extends Exception> {

    void run() throws E;
}
