package io.quarkiverse.airlock.runtime.context;

import io.quarkiverse.airlock.spi.ScopeState;
import io.vertx.core.impl.VertxBuilder;
import io.vertx.core.spi.VertxServiceProvider;
import io.vertx.core.spi.context.storage.ContextLocal;

/**
 * Airlock's slot in every Vert.x context. Vert.x sizes a context's slots when the Vert.x instance is created, so the
 * slot must be registered before: Vert.x loads its service providers then (Quarkus records them at build time), and
 * loading this class registers it.
 * <p>
 * A slot is an index into an array, cheaper than the context's local map on every scope entry and exit. Vert.x never
 * copies slots into another context, so no other unit of work ever sees what a context holds in it.
 */
public final class ContextSlots implements VertxServiceProvider {

    /** The scope state of the unit of work a duplicated context runs. */
    static final ContextLocal<ScopeState> SCOPE_STATE = ContextLocal.registerLocal(ScopeState.class);

    @Override
    public void init(VertxBuilder builder) {
        // the registration above is all there is to do
    }
}
