package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.UsageException;
import io.quarkiverse.airlock.spi.SyncExecutor;
import io.quarkus.test.QuarkusUnitTest;

/**
 * quarkus.airlock.executor names a bean: it receives every escaping intent as it is, at flush, without task lookup or
 * enqueue-time validation.
 */
public class CustomExecutorBeanTest {

    @RegisterExtension
    static final QuarkusUnitTest config = TestApps.withExecutor("recording", Recording.class, Handlers.class);

    // client proxies: read state through methods, never fields
    @Inject
    Recording recording;

    @Inject
    Handlers handlers;

    @BeforeEach
    void clear() {
        recording.clear();
        handlers.clear();
    }

    @Test
    void unknownTaskIsAcceptedAndReachesTheBeanAtFlushWithItsArgs() {
        Intent[] enqueued = new Intent[1];
        Scope scope = Airlock.scope(s -> {
            enqueued[0] = Airlock.enqueue("crm.sync", "ada", 3);
            assertThat(recording.received()).as("nothing is dispatched before the flush").isEmpty();
        });
        assertThat(scope.executor()).isInstanceOf(Recording.class);
        assertThat(recording.received()).hasSize(1);
        Intent received = recording.received().get(0);
        assertThat(received).isSameAs(enqueued[0]);
        assertThat(received.name()).isEqualTo("crm.sync");
        assertThat(received.args()).containsExactly("ada", 3);
        assertThat(handlers.calls()).isEmpty();
    }

    @Test
    void argumentsOfAKnownTaskAreNotCheckedAndItsHandlerIsNotCalled() {
        Airlock.scope(s -> Airlock.enqueue("known", "not a long", 2));
        assertThat(recording.received()).extracting(Intent::toString).containsExactly("known(\"not a long\", 2)");
        assertThat(handlers.calls()).as("the custom executor decides how intents run").isEmpty();
    }

    @Test
    void theSameEnqueueIsRejectedWhenTheScopeUsesABuiltInExecutor() {
        // control: the registry is installed, so only the executor choice lets the unknown name through above
        Scope scope = Airlock.scope(new Scope(new AllowAll(), SyncExecutor.INSTANCE),
                s -> assertThatThrownBy(() -> Airlock.enqueue("crm.sync", "ada", 3))
                        .isInstanceOf(UsageException.class).hasMessageContaining("'crm.sync'"));
        assertThat(scope.intents()).isEmpty();
        assertThat(recording.received()).isEmpty();
    }

    @Named("recording")
    @ApplicationScoped
    public static class Recording implements IntentExecutor {

        private final List<Intent> received = new CopyOnWriteArrayList<>();

        @Override
        public void dispatch(Intent intent) {
            received.add(intent);
        }

        public List<Intent> received() {
            return List.copyOf(received);
        }

        public void clear() {
            received.clear();
        }
    }

    @ApplicationScoped
    public static class Handlers {

        private final List<String> calls = new CopyOnWriteArrayList<>();

        @AirlockTask
        void known(long id) {
            calls.add("known " + id);
        }

        public List<String> calls() {
            return List.copyOf(calls);
        }

        public void clear() {
            calls.clear();
        }
    }
}
