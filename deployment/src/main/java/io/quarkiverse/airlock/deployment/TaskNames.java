package io.quarkiverse.airlock.deployment;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.MethodInfo;

/** The one rule for a task's name, shared by every build step that reads {@code @AirlockTask} from the index. */
final class TaskNames {

    private TaskNames() {
    }

    /** The annotation's value, trimmed, or the method's name when the value is blank. */
    static String of(AnnotationInstance task, MethodInfo method) {
        AnnotationValue value = task.value();
        return value == null || value.asString().isBlank() ? method.name() : value.asString().trim();
    }
}
