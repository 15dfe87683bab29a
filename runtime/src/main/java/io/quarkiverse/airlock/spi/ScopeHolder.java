package io.quarkiverse.airlock.spi;

/**
 * Where the current {@link ScopeState} lives. Plain Java keeps it per thread; the Quarkus runtime binds it to the
 * Vert.x duplicated context of the running unit of work. The only seam through which scope storage is reached.
 */
public interface ScopeHolder {

    /** The state bound where the caller runs, or {@code null} when there is none. */
    ScopeState current();

    /** The state bound where the caller runs, binding a new one when there is none. */
    ScopeState currentOrCreate();

    /** Called whenever {@code state} may have become empty, so that nothing of a finished unit of work lingers. */
    void released(ScopeState state);
}
