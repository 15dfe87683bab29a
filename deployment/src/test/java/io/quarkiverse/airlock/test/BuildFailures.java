package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Finds the build error of a given type in what a failed Quarkus build threw: ArC reports validation errors as
 * suppressed exceptions or causes of a deployment exception.
 */
public final class BuildFailures {

    private BuildFailures() {
    }

    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable current = pending.poll();
            if (current == null || !seen.add(current)) {
                continue;
            }
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() != null) {
                pending.add(current.getCause());
            }
            Collections.addAll(pending, current.getSuppressed());
        }
        assertThat(failure).as("expected a %s in the build failure", type.getSimpleName()).isInstanceOf(type);
        return null;
    }
}
