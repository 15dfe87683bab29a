package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;

/**
 * Shared helpers for the plain-Java core tests: recording executors and policies, and a safety net that leaves the
 * test thread without a current scope and with the built-in configuration, whatever a failing test left behind.
 */
abstract class AirlockTestSupport {

    @AfterEach
    void leaveNoTrace() {
        Airlock.resetConfiguration();
        // A failing test may leave scopes entered on this thread; unwind them so other tests are not affected.
        for (int i = 0; i < 100; i++) {
            Optional<Scope> current = Airlock.currentScope();
            if (current.isEmpty()) {
                break;
            }
            try {
                current.get().exit();
            } catch (RuntimeException e) {
                break;
            }
        }
    }

    /** An executor that records every dispatched intent, in order; thread-safe. */
    static final class RecordingExecutor implements IntentExecutor {

        private final List<Intent> dispatched = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void dispatch(Intent intent) {
            dispatched.add(intent);
        }

        List<Intent> dispatched() {
            synchronized (dispatched) {
                return new ArrayList<>(dispatched);
            }
        }

        List<String> names() {
            List<String> names = new ArrayList<>();
            for (Intent intent : dispatched()) {
                names.add(intent.name());
            }
            return names;
        }

        @Override
        public String toString() {
            return "RecordingExecutor";
        }
    }

    /** A policy that writes "label.onEnqueue:name" and "label.allows:name" into a shared log. */
    static final class RecordingPolicy implements Policy {

        private final String label;
        private final List<String> log;
        private final Predicate<Intent> allow;
        final List<Intent> seenOnEnqueue = new ArrayList<>();
        final List<Intent> seenOnAllows = new ArrayList<>();

        RecordingPolicy(String label, List<String> log) {
            this(label, log, intent -> true);
        }

        RecordingPolicy(String label, List<String> log, Predicate<Intent> allow) {
            this.label = label;
            this.log = log;
            this.allow = allow;
        }

        @Override
        public void onEnqueue(Intent intent) {
            seenOnEnqueue.add(intent);
            log.add(label + ".onEnqueue:" + intent.name());
        }

        @Override
        public boolean allows(Intent intent) {
            seenOnAllows.add(intent);
            log.add(label + ".allows:" + intent.name());
            return allow.test(intent);
        }

        @Override
        public String toString() {
            return "RecordingPolicy[" + label + "]";
        }
    }

    /** Enters a scope that lets everything escape to the given executor. */
    static Scope enterScope(IntentExecutor executor) {
        return new Scope(new AllowAll(), executor).enter();
    }

    /** Flushes the scope: it returns, and the executor has received, exactly these tasks in this order (or none). */
    static void assertFlushDispatches(Scope scope, RecordingExecutor executor, String... tasks) {
        assertThat(names(scope.flush())).containsExactly(tasks);
        assertThat(executor.names()).containsExactly(tasks);
    }

    static List<String> names(List<Intent> intents) {
        List<String> names = new ArrayList<>();
        for (Intent intent : intents) {
            names.add(intent.name());
        }
        return names;
    }

    /** A policy that runs the callback in onEnqueue and allows everything at flush. */
    static Policy onEnqueue(Consumer<Intent> callback) {
        return new Policy() {
            @Override
            public void onEnqueue(Intent intent) {
                callback.accept(intent);
            }

            @Override
            public boolean allows(Intent intent) {
                return true;
            }
        };
    }

    static Runnable noop() {
        return () -> {
        };
    }
}
