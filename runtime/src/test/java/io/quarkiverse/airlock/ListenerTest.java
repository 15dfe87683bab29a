package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.AirlockListener;

class ListenerTest extends AirlockTestSupport {

    private final Events events = new Events();

    @AfterEach
    void uninstall() {
        AirlockHooks.installListeners(null);
    }

    @Test
    void listenersHearTheWholeLifeOfAFlushedScope() {
        AirlockHooks.installListeners(List.of(events));
        List<String> ran = new ArrayList<>();

        Airlock.scope(scope -> {
            Airlock.enqueue("first", () -> ran.add("first"));
            Airlock.enqueue("second", () -> ran.add("second"));
        });

        assertThat(ran).containsExactly("first", "second");
        assertThat(events.log).containsExactly(
                "entered", "enqueued first", "enqueued second", "exited",
                "dispatching first", "handled first ok", "dispatching second", "handled second ok");
    }

    @Test
    void theDroppingPolicyIsNamedInnermostLocalFirst() {
        AirlockHooks.installListeners(List.of(events));
        Policy blockMail = new BlockTasks("mail");
        Policy blockSms = new BlockTasks("sms");

        Airlock.scope(blockSms, scope -> {
            Airlock.policy(blockMail, () -> Airlock.enqueue("mail", () -> {
            }));
            Airlock.enqueue("sms", () -> {
            });
        });

        assertThat(events.dropped).containsExactly("mail", "sms");
        assertThat(events.droppedBy).containsExactly(blockMail, blockSms);
    }

    @Test
    void aDiscardCarriesItsReason() {
        AirlockHooks.installListeners(List.of(events));

        assertThatThrownBy(() -> Airlock.scope(scope -> {
            Airlock.enqueue("mail", () -> {
            });
            throw new IllegalStateException("payment refused");
        })).hasMessage("payment refused");

        assertThat(events.log).contains("discarded [mail()] threw java.lang.IllegalStateException: payment refused");
    }

    @Test
    void anOuterScopeCapturingANestedFlushIsReported() {
        AirlockHooks.installListeners(List.of(events));

        Airlock.scope(outer -> {
            Airlock.scope(inner -> Airlock.enqueue("mail", () -> {
            }));
            assertThat(events.log).contains("captured mail");
            assertThat(events.log).doesNotContain("dispatching mail");
        });

        assertThat(events.log).contains("dispatching mail");
    }

    @Test
    void aFailingHandlerIsReportedWithItsError() {
        AirlockHooks.installListeners(List.of(events));

        assertThatThrownBy(() -> Airlock.scope(scope -> Airlock.enqueue("boom", () -> {
            throw new IllegalArgumentException("no stock");
        }))).hasMessage("no stock");

        assertThat(events.log).contains("handled boom IllegalArgumentException");
    }

    /** What a listener throws: from {@code enqueued}, and from {@code scopeExited} (null: nothing). */
    static Stream<Arguments> listenerFailures() {
        return Stream.of(
                // a bug in the listener
                Arguments.of(new IllegalStateException("listener bug"), null),
                // errors of the listener's own making: a broken assumption, a dependency it lacks
                Arguments.of(new AssertionError("listener assumption broken"),
                        new NoClassDefFoundError("listener dependency missing")));
    }

    @ParameterizedTest(name = "{0}, then {1}")
    @MethodSource("listenerFailures")
    void aThrowingListenerNeitherStopsTheWorkNorTheOtherListeners(Throwable onEnqueued, Throwable onExited) {
        AirlockHooks.installListeners(List.of(new ThrowingListener(onEnqueued, onExited), events));
        List<String> ran = new ArrayList<>();

        Airlock.scope(scope -> Airlock.enqueue("mail", () -> ran.add("mail")));

        assertThat(ran).containsExactly("mail");
        assertThat(events.log).contains("enqueued mail", "exited", "handled mail ok");
    }

    @Test
    void errorsOfTheVirtualMachineItselfAreNotSwallowed() {
        AirlockHooks.installListeners(List.of(new ThrowingListener(new OutOfMemoryError("no heap left"), null)));

        assertThatThrownBy(() -> Airlock.scope(scope -> Airlock.enqueue("mail", () -> {
        }))).isInstanceOf(OutOfMemoryError.class).hasMessage("no heap left");
    }

    @Test
    void intentsTakeTheOriginOfTheirScopeUnlessTheyHaveTheirOwn() {
        Scope scope = new Scope(new AllowAll()).withOrigin("POST /orders").enter();
        try {
            Intent inherited = Airlock.enqueue("mail", () -> {
            });
            Intent own = Airlock.intent("sms").origin("retry job").enqueue();
            assertThat(inherited.origin()).contains("POST /orders");
            assertThat(own.origin()).contains("retry job");
        } finally {
            scope.exit();
            scope.discard();
        }
        assertThat(scope.origin()).contains("POST /orders");
    }

    @Test
    void nothingIsHeardOnceListenersAreUninstalled() {
        AirlockHooks.installListeners(List.of(events));
        AirlockHooks.installListeners(List.of());

        Airlock.scope(scope -> Airlock.enqueue("mail", () -> {
        }));

        assertThat(events.log).isEmpty();
        assertThat(AirlockHooks.listener()).isNull();
    }

    /** Throws from {@code enqueued} and {@code scopeExited} what it is given for each, when it is given something. */
    private record ThrowingListener(Throwable onEnqueued, Throwable onExited) implements AirlockListener {

        @Override
        public void enqueued(Scope scope, Intent intent) {
            throwIfAny(onEnqueued);
        }

        @Override
        public void scopeExited(Scope scope) {
            throwIfAny(onExited);
        }

        private static void throwIfAny(Throwable failure) {
            if (failure instanceof RuntimeException exception) {
                throw exception;
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }
    }

    private static final class Events implements AirlockListener {
        final List<String> log = new ArrayList<>();
        final List<String> dropped = new ArrayList<>();
        final List<Policy> droppedBy = new ArrayList<>();

        @Override
        public void scopeEntered(Scope scope) {
            log.add("entered");
        }

        @Override
        public void scopeExited(Scope scope) {
            log.add("exited");
        }

        @Override
        public void enqueued(Scope scope, Intent intent) {
            log.add("enqueued " + intent.name());
        }

        @Override
        public void captured(Scope outer, Intent intent) {
            log.add("captured " + intent.name());
        }

        @Override
        public void dropped(Scope scope, Intent intent, Policy policy) {
            dropped.add(intent.name());
            droppedBy.add(policy);
        }

        @Override
        public void discarded(Scope scope, List<Intent> intents, String reason) {
            log.add("discarded " + intents + " " + reason);
        }

        @Override
        public void dispatching(Intent intent, IntentExecutor executor) {
            log.add("dispatching " + intent.name());
        }

        @Override
        public void handled(Intent intent, long nanos, Throwable failure) {
            assertThat(nanos).isNotNegative();
            log.add("handled " + intent.name() + " " + (failure == null ? "ok" : failure.getClass().getSimpleName()));
        }
    }
}
