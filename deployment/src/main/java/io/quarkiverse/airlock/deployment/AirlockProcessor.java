package io.quarkiverse.airlock.deployment;

import static io.quarkiverse.airlock.deployment.AirlockDotNames.AIRLOCK_SCOPE;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.deployment.exception.InvalidExecutorException;
import io.quarkiverse.airlock.deployment.exception.InvalidPolicyClassException;
import io.quarkiverse.airlock.runtime.DispatchRecorder;
import io.quarkiverse.airlock.runtime.ExecutorNames;
import io.quarkiverse.airlock.runtime.ObservabilityRecorder;
import io.quarkiverse.airlock.runtime.PolicyNames;
import io.quarkiverse.airlock.runtime.ScopeRecorder;
import io.quarkiverse.airlock.runtime.config.AirlockConfig;
import io.quarkiverse.airlock.runtime.executor.EventBusExecutor;
import io.quarkiverse.airlock.runtime.executor.VirtualThreadExecutor;
import io.quarkiverse.airlock.runtime.executor.WorkerPoolExecutor;
import io.quarkiverse.airlock.runtime.interceptor.AirlockScopeInterceptor;
import io.quarkiverse.airlock.runtime.interceptor.ScopePlans;
import io.quarkiverse.airlock.spi.AirlockListener;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanContainerBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;

/**
 * The feature, its beans, the {@code @AirlockScope} interceptor, the policies it names, and start-up.
 */
class AirlockProcessor {

    static final String FEATURE = "airlock";
    private static final DotName INJECT = DotName.createSimple("jakarta.inject.Inject");

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    void runtimeBeans(BuildProducer<AdditionalBeanBuildItem> beans) {
        // the runtime jar is not indexed: its beans and the interceptor binding are added explicitly
        beans.produce(AdditionalBeanBuildItem.builder().setUnremovable()
                .addBeanClasses(AirlockScope.class, AirlockScopeInterceptor.class, ScopePlans.class,
                        WorkerPoolExecutor.class, VirtualThreadExecutor.class, EventBusExecutor.class)
                .build());
    }

    /**
     * Policy classes named by {@code @AirlockScope(policy = ...)} and {@code quarkus.airlock.policy} become singleton
     * beans, so the interceptor obtains them without reflection. Classes that cannot be instantiated fail the build.
     */
    @BuildStep
    AirlockPolicyClassesBuildItem policyClasses(CombinedIndexBuildItem combinedIndex, AirlockConfig config,
            BuildProducer<AdditionalBeanBuildItem> beans, BuildProducer<ValidationErrorBuildItem> errors) {
        IndexView index = combinedIndex.getIndex();
        Map<String, String> users = new TreeMap<>();
        for (AnnotationInstance scope : index.getAnnotations(AIRLOCK_SCOPE)) {
            AnnotationValue policy = scope.value("policy");
            if (policy != null && !policy.asClass().name().equals(AirlockDotNames.POLICY)) {
                users.merge(policy.asClass().name().toString(), Methods.describe(scope.target()), (a, b) -> a + ", " + b);
            }
        }
        Class<? extends Policy> builtIn = PolicyNames.BUILT_IN.get(config.policy());
        String defaultPolicy = builtIn != null ? builtIn.getName() : config.policy();
        users.merge(defaultPolicy, "quarkus.airlock.policy", (a, b) -> a + ", " + b);

        List<Throwable> problems = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        for (Map.Entry<String, String> use : users.entrySet()) {
            String problem = policyProblem(index, use.getKey());
            if (problem != null) {
                problems.add(new InvalidPolicyClassException("Policy class " + use.getKey() + " used by "
                        + use.getValue() + " " + problem));
            } else {
                valid.add(use.getKey());
            }
        }
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(problems));
        }
        // only valid classes become beans: an invalid one would fail in ArC first, with a less helpful message
        beans.produce(AdditionalBeanBuildItem.builder().setUnremovable().setDefaultScope(BuiltinScope.SINGLETON.getName())
                .addBeanClasses(valid).build());
        return new AirlockPolicyClassesBuildItem(valid.contains(defaultPolicy) ? defaultPolicy
                : PolicyNames.BUILT_IN.get("allow-all").getName());
    }

    private static String policyProblem(IndexView index, String className) {
        Class<?> policy;
        try {
            policy = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            return "cannot be found. quarkus.airlock.policy takes " + String.join(", ", PolicyNames.BUILT_IN.keySet())
                    + ", or the fully qualified name of a class implementing " + Policy.class.getName() + ".";
        }
        if (!Policy.class.isAssignableFrom(policy)) {
            return "does not implement " + Policy.class.getName() + ".";
        }
        if (policy.isInterface() || Modifier.isAbstract(policy.getModifiers())) {
            return "is abstract: name a concrete class.";
        }
        ClassInfo indexed = index.getClassByName(DotName.createSimple(className));
        boolean injectableConstructor = indexed != null
                ? indexed.constructors().stream().anyMatch(constructor -> !Modifier.isPrivate(constructor.flags())
                        && (constructor.parametersCount() == 0 || constructor.hasAnnotation(INJECT)))
                : Arrays.stream(policy.getDeclaredConstructors())
                        .anyMatch(constructor -> constructor.getParameterCount() == 0
                                && !Modifier.isPrivate(constructor.getModifiers()));
        if (!injectableConstructor) {
            return "has no non-private no-arg (or @Inject) constructor, so Airlock cannot create it. Add one, e.g. a "
                    + "subclass `class NoEmails extends BlockTasks { NoEmails() { super(\"sendEmail\"); } }`.";
        }
        return null;
    }

    /** Listener beans are looked up by type at start-up, never injected: keep them. */
    @BuildStep
    UnremovableBeanBuildItem listenersStay() {
        return UnremovableBeanBuildItem.beanTypes(AirlockListener.class);
    }

    @BuildStep
    void customExecutorStays(AirlockConfig config, BuildProducer<UnremovableBeanBuildItem> unremovable) {
        String name = config.executor();
        if (!ExecutorNames.BUILT_IN.contains(name)) {
            unremovable.produce(new UnremovableBeanBuildItem(bean -> name.equals(bean.getName())));
        }
    }

    @BuildStep
    void validateExecutor(AirlockConfig config, ValidationPhaseBuildItem validation,
            BuildProducer<ValidationErrorBuildItem> errors) {
        String name = config.executor();
        if (ExecutorNames.BUILT_IN.contains(name)) {
            return;
        }
        List<BeanInfo> named = validation.getContext().beans().withName(name).collect();
        List<BeanInfo> executors = named.stream()
                .filter(bean -> bean.getTypes().stream().anyMatch(type -> type.name().equals(AirlockDotNames.INTENT_EXECUTOR)))
                .collect(Collectors.toList());
        if (executors.size() == 1) {
            return;
        }
        String found = named.isEmpty() ? "no bean is named '" + name + "'"
                : executors.isEmpty() ? "the bean named '" + name + "' (" + named.get(0).getBeanClass()
                        + ") does not implement " + AirlockDotNames.INTENT_EXECUTOR
                        : executors.size() + " beans are named '" + name + "'";
        errors.produce(new ValidationErrorBuildItem(new InvalidExecutorException("quarkus.airlock.executor=" + name
                + ": " + found + ". Use one of " + ExecutorNames.BUILT_IN + ", or the @Named name of a bean implementing "
                + AirlockDotNames.INTENT_EXECUTOR + ".")));
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    ServiceStartBuildItem start(DispatchRecorder recorder, AirlockPolicyClassesBuildItem policies,
            BeanContainerBuildItem container, ShutdownContextBuildItem shutdown) throws ClassNotFoundException {
        @SuppressWarnings("unchecked")
        Class<? extends Policy> defaultPolicy = (Class<? extends Policy>) Class.forName(policies.defaultPolicy(), false,
                Thread.currentThread().getContextClassLoader());
        recorder.start(defaultPolicy, shutdown);
        return new ServiceStartBuildItem(FEATURE);
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    ServiceStartBuildItem bindScopes(ScopeRecorder recorder, ShutdownContextBuildItem shutdown) {
        recorder.bindToVertxContexts(shutdown);
        return new ServiceStartBuildItem(FEATURE);
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    ServiceStartBuildItem installListeners(ObservabilityRecorder recorder, BeanContainerBuildItem container,
            ShutdownContextBuildItem shutdown) {
        recorder.installListeners(shutdown);
        return new ServiceStartBuildItem(FEATURE);
    }
}
