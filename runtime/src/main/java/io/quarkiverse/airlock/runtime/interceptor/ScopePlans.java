package io.quarkiverse.airlock.runtime.interceptor;

import java.lang.reflect.Method;
import java.util.Map;
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

    /** Where the beans' {@code @AirlockScope} annotations are declared, read by the build; see {@link #classKey}. */
    private static volatile Map<String, Class<? extends Policy>> declared = Map.of();

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
        Class<? extends Policy> policyClass = policyClass(context);
        // policy classes named by @AirlockScope were registered as beans at build time
        Policy policy = policyClass == Policy.class ? null : Arc.container().instance(policyClass).get();
        Method method = context.getMethod();
        return new ScopePlan(policy, ReturnKind.of(method.getReturnType()),
                method.getDeclaringClass().getSimpleName() + "#" + method.getName(),
                ErrorResults.mayBeResponse(method.getReturnType()));
    }

    /**
     * The policy of the binding that applies. ArC hands an inherited method both the superclass's and the subclass's
     * class-level annotation, so the nearest one wins, as with {@code @Inherited}: the method's own, then the bean
     * class's, then its superclasses' in order. The build recorded where each annotation is declared; computed once per
     * method.
     */
    private static Class<? extends Policy> policyClass(InvocationContext context) {
        Set<AirlockScope> bindings = context.getInterceptorBindings(AirlockScope.class);
        if (bindings.size() <= 1) {
            return bindings.isEmpty() ? Policy.class : bindings.iterator().next().policy();
        }
        Map<String, Class<? extends Policy>> known = declared;
        Method method = context.getMethod();
        Class<?>[] parameters = method.getParameterTypes();
        String[] parameterNames = new String[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            parameterNames[i] = parameters[i].getName();
        }
        Class<? extends Policy> onMethod = known.get(methodKey(method.getDeclaringClass().getName(), method.getName(),
                parameterNames));
        if (onMethod != null) {
            return onMethod;
        }
        // the target is ArC's subclass of the bean class, which declares nothing itself
        for (Class<?> type = context.getTarget().getClass(); type != null; type = type.getSuperclass()) {
            Class<? extends Policy> onClass = known.get(classKey(type.getName()));
            if (onClass != null) {
                return onClass;
            }
        }
        return bindings.iterator().next().policy();
    }

    public static void declare(Map<String, Class<? extends Policy>> policies) {
        declared = Map.copyOf(policies);
    }

    /** The key of a class-level {@code @AirlockScope}: the class's binary name. */
    public static String classKey(String className) {
        return className;
    }

    /** The key of a method-level {@code @AirlockScope}: {@code com.acme.Orders#place(java.lang.String,long)}. */
    public static String methodKey(String className, String methodName, String[] parameterTypeNames) {
        return className + "#" + methodName + "(" + String.join(",", parameterTypeNames) + ")";
    }
}
