package io.quarkiverse.airlock.deployment;

import static io.quarkiverse.airlock.deployment.AirlockDotNames.AIRLOCK_SCOPE;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.runtime.ScopeRecorder;
import io.quarkiverse.airlock.runtime.interceptor.ScopePlans;
import io.quarkus.arc.deployment.BeanArchiveIndexBuildItem;
import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;

/**
 * Reads where the beans' {@code @AirlockScope} annotations are declared, on their classes, superclasses and methods,
 * so that the interceptor picks the nearest one without reading annotations reflectively at run time. ArC hands a bean
 * inheriting a method both its own and its superclass's class-level binding, without saying which is nearer.
 */
class AirlockScopeBindingsProcessor {

    private static final DotName OBJECT = DotName.createSimple(Object.class);

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void declaredBindings(BeanDiscoveryFinishedBuildItem beans, BeanArchiveIndexBuildItem beanArchive,
            ScopeRecorder recorder) {
        IndexView index = beanArchive.getIndex();
        Map<String, Class<? extends Policy>> declared = new HashMap<>();
        Set<DotName> read = new HashSet<>();
        for (BeanInfo bean : beans.beanStream().classBeans()) {
            for (ClassInfo type = bean.getImplClazz(); type != null
                    && !type.name().equals(OBJECT); type = type.superName() == null ? null
                            : index.getClassByName(type.superName())) {
                if (!read.add(type.name())) {
                    break; // this class and its superclasses are read already
                }
                String className = type.name().toString();
                AnnotationInstance onClass = type.declaredAnnotation(AIRLOCK_SCOPE);
                if (onClass != null) {
                    put(declared, ScopePlans.classKey(className), onClass);
                }
                for (MethodInfo method : type.methods()) {
                    AnnotationInstance onMethod = method.declaredAnnotation(AIRLOCK_SCOPE);
                    if (onMethod != null) {
                        put(declared, ScopePlans.methodKey(className, method.name(), method.parameterTypes().stream()
                                .map(parameter -> parameter.name().toString()).toArray(String[]::new)), onMethod);
                    }
                }
            }
        }
        recorder.declaredBindings(declared);
    }

    /** A policy class that cannot be loaded is left out: the policy validation reports it, with a better message. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Class<? extends Policy>> declared, String key, AnnotationInstance scope) {
        AnnotationValue policy = scope.value("policy");
        if (policy == null) {
            declared.put(key, Policy.class);
            return;
        }
        try {
            declared.put(key, (Class<? extends Policy>) Class.forName(policy.asClass().name().toString(), false,
                    Thread.currentThread().getContextClassLoader()));
        } catch (ClassNotFoundException e) {
            // reported by AirlockProcessor#policyClasses
        }
    }
}
