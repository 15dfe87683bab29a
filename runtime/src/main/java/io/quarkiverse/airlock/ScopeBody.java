package io.quarkiverse.airlock;

/**
 * Code run inside a scope by {@link Airlock#scope(ScopeBody)}; receives the scope it runs in.
 */
@FunctionalInterface
public interface ScopeBody<E extends Exception> {

    void run(Scope scope) throws E;
}
