package io.quarkiverse.airlock.deployment;

import java.util.List;

import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.airlock.deployment.AirlockTasksBuildItem.TaskMethod;
import io.quarkiverse.airlock.runtime.ExecutorNames;
import io.quarkiverse.airlock.runtime.config.AirlockConfig;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveHierarchyBuildItem;

/**
 * Task arguments that leave the process as JSON (the event bus, messaging, the outbox) are written and read back by
 * Jackson, which needs their members registered for reflection in a native image. Airlock's own code stays
 * reflection-free; only the application's argument types are registered, and only when an executor carries JSON.
 */
class AirlockJsonTypesProcessor {

    @BuildStep
    void registerArgumentTypes(AirlockConfig config, AirlockTasksBuildItem tasks,
            BuildProducer<ReflectiveHierarchyBuildItem> reflective) {
        if (!carriesJson(config)) {
            return;
        }
        for (TaskMethod task : tasks.tasks()) {
            MethodInfo method = task.method();
            for (Type parameter : method.parameterTypes()) {
                register(parameter, "@AirlockTask " + task.describe(), reflective);
            }
        }
    }

    /** The application's types in {@code type}: itself, or the type arguments of a JDK container (List of Item). */
    private static void register(Type type, String source, BuildProducer<ReflectiveHierarchyBuildItem> reflective) {
        switch (type.kind()) {
            case ARRAY:
                register(type.asArrayType().elementType(), source, reflective);
                return;
            case PARAMETERIZED_TYPE:
                if (isJdk(type)) {
                    for (Type argument : type.asParameterizedType().arguments()) {
                        register(argument, source, reflective);
                    }
                    return;
                }
                break;
            case CLASS:
                if (isJdk(type)) {
                    return;
                }
                break;
            default:
                // primitives, and type variables or wildcards, which the task validation already rejects
                return;
        }
        reflective.produce(ReflectiveHierarchyBuildItem.builder(type).source(source).build());
    }

    private static boolean isJdk(Type type) {
        return type.name().toString().startsWith("java.");
    }

    /** Whether an escaping intent can be turned into JSON: by its executor, or by the outbox and its delivery. */
    static boolean carriesJson(AirlockConfig config) {
        String executor = config.executor();
        return config.outbox().enabled() || ExecutorNames.EVENT_BUS.equals(executor)
                || ExecutorNames.MESSAGING.equals(executor);
    }
}
