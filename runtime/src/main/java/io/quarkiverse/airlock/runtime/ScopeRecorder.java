package io.quarkiverse.airlock.runtime;

import java.util.Map;

import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.runtime.context.VertxScopeHolder;
import io.quarkiverse.airlock.runtime.interceptor.ScopePlans;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;

/** Where scopes live and where the beans declare them. */
@Recorder
public class ScopeRecorder {

    /** The current scope belongs to the Vert.x duplicated context of the unit of work, else to the thread. */
    public void bindToVertxContexts(ShutdownContext shutdown) {
        AirlockHooks.installScopes(new VertxScopeHolder());
        shutdown.addShutdownTask(() -> AirlockHooks.installScopes(null));
    }

    /**
     * Hands the interceptor the {@code @AirlockScope} annotations the build read from the beans' classes and methods,
     * so that no annotation is read reflectively at run time.
     *
     * @param policies the policy class of each annotation, keyed by {@link ScopePlans#classKey(String)} and
     *        {@link ScopePlans#methodKey(String, String, String[])}; {@code Policy.class} for the configured default
     */
    public void declaredBindings(Map<String, Class<? extends Policy>> policies) {
        ScopePlans.declare(policies);
    }
}
