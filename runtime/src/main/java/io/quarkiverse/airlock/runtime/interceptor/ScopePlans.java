package io.quarkiverse.airlock.runtime.interceptor;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.Policy;
import io.quarkus.arc.Arc;

/**
 * The plans of the {@code @AirlockScope} methods, one per method. Lives as long as the application, so a dev-mode
 * restart starts afresh.
 */
@Singleton
public class ScopePlans {

    private final ConcurrentHashMap<Method, ScopePlan> plans = new ConcurrentHashMap<>();

    ScopePlan of(InvocationContext context) {
        Method method = context.getMethod();
        ScopePlan plan = plans.get(method);
        if (plan == null) {
            plan = plans.computeIfAbsent(method, ignored -> create(context));
        }
        return plan;
    }

    private static ScopePlan create(InvocationContext context) {
        AirlockScope binding = context.getInterceptorBinding(AirlockScope.class);
        Class<? extends Policy> policyClass = binding == null ? Policy.class : binding.policy();
        // policy classes named by @AirlockScope were registered as beans at build time
        Policy policy = policyClass == Policy.class ? null : Arc.container().instance(policyClass).get();
        return new ScopePlan(policy, ReturnKind.of(context.getMethod().getReturnType()));
    }
}
