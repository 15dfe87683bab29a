package io.quarkiverse.airlock.deployment;

import java.util.stream.Collectors;

import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

/**
 * How build messages name code: {@code com.acme.Orders#notify(long)}.
 */
final class Methods {

    private Methods() {
    }

    static String describe(MethodInfo method) {
        return method.declaringClass().name() + "#" + method.name() + "("
                + method.parameterTypes().stream().map(Type::toString).collect(Collectors.joining(", ")) + ")";
    }

    static String describe(AnnotationTarget target) {
        switch (target.kind()) {
            case METHOD:
                return describe(target.asMethod());
            case CLASS:
                return target.asClass().name().toString();
            default:
                return target.toString();
        }
    }
}
