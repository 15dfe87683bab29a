package io.quarkiverse.airlock.runtime.interceptor;

import java.lang.reflect.Method;
import java.util.Set;
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

    /** By bean class, then method: beans inheriting one method may carry different policies. */
    private final ConcurrentHashMap<Class<?>, ConcurrentHashMap<Method, ScopePlan>> plans = new ConcurrentHashMap<>();

    ScopePlan of(InvocationContext context) {
        Class<?> bean = context.getTarget().getClass();
        ConcurrentHashMap<Method, ScopePlan> ofBean = plans.get(bean);
        if (ofBean == null) {
            ofBean = plans.computeIfAbsent(bean, ignored -> new ConcurrentHashMap<>());
        }
        Method method = context.getMethod();
        ScopePlan plan = ofBean.get(method);
        if (plan == null) {
            plan = ofBean.computeIfAbsent(method, ignored -> create(context));
        }
        return plan;
    }

    private static ScopePlan create(InvocationContext context) {
        AirlockScope binding = binding(context);
        Class<? extends Policy> policyClass = binding == null ? Policy.class : binding.policy();
        // policy classes named by @AirlockScope were registered as beans at build time
        Policy policy = policyClass == Policy.class ? null : Arc.container().instance(policyClass).get();
        Method method = context.getMethod();
        return new ScopePlan(policy, ReturnKind.of(method.getReturnType()),
                method.getDeclaringClass().getSimpleName() + "#" + method.getName());
    }

    /**
     * The binding that applies: ArC hands an inherited method both the superclass's and the subclass's annotation, so
     * the nearest one wins, as with {@code @Inherited}: the method's own, then the bean class's. Read once per method.
     */
    private static AirlockScope binding(InvocationContext context) {
        Set<AirlockScope> bindings = context.getInterceptorBindings(AirlockScope.class);
        if (bindings.size() <= 1) {
            return bindings.isEmpty() ? null : bindings.iterator().next();
        }
        AirlockScope onMethod = context.getMethod().getAnnotation(AirlockScope.class);
        if (onMethod != null) {
            return onMethod;
        }
        for (Class<?> type = context.getTarget().getClass(); type != null; type = type.getSuperclass()) {
            AirlockScope onClass = type.getDeclaredAnnotation(AirlockScope.class);
            if (onClass != null) {
                return onClass;
            }
        }
        return bindings.iterator().next();
    }
}
