package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.UsageException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * quarkus.airlock.enabled=false: scopes still open, validate and buffer intents, so code that enqueues behaves the same,
 * but nothing escaping a scope is dispatched, as a warning says when the application starts.
 */
public class DisabledTest extends RecordingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(Orders.class)
            .overrideConfigKey("quarkus.airlock.enabled", "false")
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.INFO.intValue()
                    && record.getMessage().contains("quarkus.airlock.enabled=false"))
            .assertLogRecords(records -> assertThat(records).as("said once, at start-up").singleElement()
                    .satisfies(record -> {
                        assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                        assertThat(record.getMessage()).contains("no escaping intent is dispatched");
                    }));

    @Inject
    Orders orders;

    @Test
    void scopesBufferButTheHandlerNeverRuns() throws Exception {
        Scope scope = Airlock.scope(s -> Airlock.enqueue("record", "runner"));

        assertThat(scope.isFlushed()).isTrue();
        assertThat(scope.intents()).extracting(Intent::toString).containsExactly("record(\"runner\")");

        Scope explicit = new Scope().enter();
        Airlock.enqueue("record", "explicit");
        explicit.exit();
        explicit.flush();
        assertThat(explicit.intents()).hasSize(1);

        orders.place("annotated");
        assertThat(orders.bufferedInScope).extracting(Intent::toString).containsExactly("record(\"annotated\")");

        // the default executor is synchronous: a dispatch would already have happened; wait a little anyway
        Thread.sleep(200);
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void inProcessActionsDoNotRunEither() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        Scope scope = Airlock.scope(s -> Airlock.enqueue("evictCache", () -> ran.set(true)));
        assertThat(scope.intents()).hasSize(1);
        Thread.sleep(200);
        assertThat(ran).isFalse();
    }

    @Test
    void enqueueIsStillValidated() {
        Scope scope = Airlock.scope(s -> {
            assertThatThrownBy(() -> Airlock.enqueue("recrod", "typo"))
                    .as("unknown task").isInstanceOf(UsageException.class).hasMessageContaining("'recrod'");
            assertThatThrownBy(() -> Airlock.enqueue("record", "a", "b"))
                    .as("wrong number of arguments").isInstanceOf(UsageException.class)
                    .hasMessageContaining("'record'");
            assertThatThrownBy(() -> Airlock.enqueue("record", 42))
                    .as("wrong argument type").isInstanceOf(UsageException.class);
        });
        assertThat(scope.intents()).isEmpty();
        assertThat(handlers.calls).isEmpty();
    }

    @Singleton
    public static class Orders {

        final List<Intent> bufferedInScope = new CopyOnWriteArrayList<>();

        @AirlockScope
        public void place(String what) {
            Airlock.enqueue("record", what);
            bufferedInScope.clear();
            bufferedInScope.addAll(Airlock.currentScope().orElseThrow().intents());
        }
    }
}
