package io.quarkiverse.airlock;

/**
 * Code that computes a value inside a scope, see {@link Airlock#scoped(Policy, ScopedCall)}.
 */
@FunctionalInterface
public interface ScopedCall<T, E extends Exception> {

    T call() throws E;
}
