package io.quarkiverse.airlock.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.AssertNoEffects;
import io.quarkiverse.airlock.BlockTasks;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.LogOnFlush;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.PolicyViolationException;
import io.quarkiverse.airlock.Scope;

class BuiltInPolicyTest {

    static Recorder run(Policy policy, String... tasks) {
        Recorder executor = new Recorder();
        Airlock.scope(new Scope(policy, executor), scope -> {
            for (String task : tasks) {
                Airlock.enqueue(task);
            }
        });
        return executor;
    }

    @Test
    void allowAllLetsEverythingOut() {
        assertThat(run(new AllowAll(), "a", "b").names()).containsExactly("a", "b");
    }

    @Test
    void dropAllKeepsIntentsInspectable() {
        Recorder executor = new Recorder();
        Scope scope = Airlock.scope(new Scope(new DropAll(), executor), s -> {
            Airlock.enqueue("a", 1);
            Airlock.enqueue("b");
        });
        assertThat(executor.dispatched).isEmpty();
        assertThat(scope.isFlushed()).isTrue();
        assertThat(scope.intents()).extracting(i -> i.name()).containsExactly("a", "b");
    }

    @Test
    void assertNoEffectsRejectsAtEnqueueNamingTheTask() {
        Recorder executor = new Recorder();
        assertThatThrownBy(() -> Airlock.scope(new Scope(new AssertNoEffects(), executor),
                s -> Airlock.enqueue("sendEmail", "ada")))
                .isInstanceOf(PolicyViolationException.class)
                .hasMessageContaining("sendEmail");
        assertThat(executor.dispatched).isEmpty();
    }

    @Test
    void blockTasksDropsOnlyTheNamedTasks() {
        Recorder executor = new Recorder();
        Scope scope = Airlock.scope(new Scope(new BlockTasks("sendConfirmationEmail"), executor), s -> {
            Airlock.enqueue("notifyWarehouse");
            Airlock.enqueue("sendConfirmationEmail");
            assertThat(s.intents()).hasSize(2);
        });
        assertThat(executor.names()).containsExactly("notifyWarehouse");
        assertThat(scope.intents()).hasSize(2);
    }

    @Test
    void blockTasksCanRejectAtEnqueue() {
        Recorder executor = new Recorder();
        Scope scope = new Scope(new BlockTasks(Set.of("sendEmail"), true), executor).enter();
        try {
            assertThatThrownBy(() -> Airlock.enqueue("sendEmail")).isInstanceOf(PolicyViolationException.class)
                    .hasMessageContaining("sendEmail");
            Airlock.enqueue("other");
            assertThat(scope.intents()).extracting(i -> i.name()).containsExactly("other");
        } finally {
            scope.exit();
        }
    }

    @Test
    void logOnFlushLogsEachIntentAndAllowsAll() {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("airlock.test.flush");
        StringBuilder logged = new StringBuilder();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.append(String.format(record.getMessage().replace("%s", "%s"), record.getParameters()))
                        .append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(handler);
        try {
            Recorder executor = run(new LogOnFlush(Logger.getLogger("airlock.test.flush")), "a");
            assertThat(executor.names()).containsExactly("a");
            assertThat(logged.toString()).contains("a()");
        } finally {
            jul.removeHandler(handler);
        }
    }

    @Test
    void toStringsAreReadable() {
        assertThat(new AllowAll()).hasToString("AllowAll");
        assertThat(new DropAll()).hasToString("DropAll");
        assertThat(new AssertNoEffects()).hasToString("AssertNoEffects");
        assertThat(new LogOnFlush()).hasToString("LogOnFlush");
        assertThat(new BlockTasks("b", "a").toString()).contains("BlockTasks", "a", "b");
    }
}
