package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Finds the build error of a given type in what a failed Quarkus build threw: ArC reports validation errors as
 * suppressed exceptions or causes of a deployment exception.
 */
public final class BuildFailures {

    private BuildFailures() {
    }

    /** The first error of {@code type} in the failure, failing the test when there is none. */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        List<T> found = all(failure, type);
        assertThat(found).as("a %s in the build failure %s", type.getSimpleName(), failure).isNotEmpty();
        return found.get(0);
    }

    /** Every error of {@code type} in the failure: a build reports all the problems it found, not only the first. */
    public static <T extends Throwable> List<T> all(Throwable failure, Class<T> type) {
        List<T> found = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable current = pending.poll();
            if (current == null || !seen.add(current)) {
                continue;
            }
            if (type.isInstance(current)) {
                found.add(type.cast(current));
            }
            if (current.getCause() != null) {
                pending.add(current.getCause());
            }
            Collections.addAll(pending, current.getSuppressed());
        }
        return found;
    }
}
