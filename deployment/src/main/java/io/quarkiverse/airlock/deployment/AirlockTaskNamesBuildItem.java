package io.quarkiverse.airlock.deployment;

import static io.quarkiverse.airlock.deployment.AirlockDotNames.AIRLOCK_TASK;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The name of every method declared {@code @AirlockTask}, worked out once by one rule for every build step: the
 * annotation's value, trimmed, or the method's name when the value is blank. Read from the index, because some steps
 * (the messaging channels) generate beans before ArC has registered any; a transformer may remove a task, which the
 * handler discovery honours, but not rename it.
 */
public final class AirlockTaskNamesBuildItem extends SimpleBuildItem {

    private final Map<MethodInfo, String> byMethod;

    private AirlockTaskNamesBuildItem(Map<MethodInfo, String> byMethod) {
        this.byMethod = Collections.unmodifiableMap(byMethod);
    }

    static AirlockTaskNamesBuildItem of(IndexView index) {
        Map<MethodInfo, String> byMethod = new HashMap<>();
        for (AnnotationInstance task : index.getAnnotations(AIRLOCK_TASK)) {
            if (task.target().kind() == AnnotationTarget.Kind.METHOD) {
                MethodInfo method = task.target().asMethod();
                AnnotationValue value = task.value();
                byMethod.put(method, value == null || value.asString().isBlank() ? method.name()
                        : value.asString().trim());
            }
        }
        return new AirlockTaskNamesBuildItem(byMethod);
    }

    /** The task name of {@code method}, or null when it is not declared {@code @AirlockTask}. */
    public String nameOf(MethodInfo method) {
        return byMethod.get(method);
    }

    /** Every declared name, sorted; a duplicate (which fails the build) once. */
    public Set<String> names() {
        return new TreeSet<>(byMethod.values());
    }
}
