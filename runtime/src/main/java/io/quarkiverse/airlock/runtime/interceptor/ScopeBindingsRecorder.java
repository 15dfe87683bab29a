package io.quarkiverse.airlock.runtime.interceptor;

import java.util.Map;

import io.quarkiverse.airlock.Policy;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Hands the interceptor the {@code @AirlockScope} annotations the build read from the beans' classes and methods, so
 * that no annotation is read reflectively at run time.
 */
@Recorder
public class ScopeBindingsRecorder {

    /**
     * @param policies the policy class of each annotation, keyed by {@link ScopePlans#classKey(String)} and
     *        {@link ScopePlans#methodKey(String, String, String[])}; {@code Policy.class} for the configured default
     */
    public void declaredBindings(Map<String, Class<? extends Policy>> policies) {
        ScopePlans.declare(policies);
    }
}
