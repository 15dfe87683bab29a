package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** API.md section 4: the built-in policies. */
class PolicyTest extends AirlockTestSupport {

    private static final String DEFAULT_OBJECT_TO_STRING = ".*@[0-9a-f]+$";

    private final RecordingExecutor executor = new RecordingExecutor();

    private Scope run(Policy policy, Runnable body) {
        Scope scope = new Scope(policy, executor).enter();
        try {
            body.run();
        } finally {
            scope.exit();
        }
        return scope;
    }

    // ---- AllowAll

    @Test
    void allowAllLetsEverythingEscapeInOrder() {
        Scope scope = run(new AllowAll(), () -> {
            Airlock.enqueue("a", 1);
            Airlock.enqueue("b", 2);
            Airlock.enqueue("c", noop());
        });

        List<Intent> dispatched = scope.flush();

        assertThat(names(dispatched)).containsExactly("a", "b", "c");
        assertThat(executor.dispatched()).isEqualTo(dispatched);
        assertThat(new AllowAll().allows(scope.intents().get(0))).isTrue();
    }

    // ---- DropAll

    @Test
    void dropAllLetsNothingEscapeButKeepsIntentsInspectable() {
        Scope scope = run(new DropAll(), () -> {
            Airlock.enqueue("a", 1);
            Airlock.enqueue("b", 2);
        });

        List<Intent> dispatched = scope.flush();

        assertThat(dispatched).isEmpty();
        assertThat(executor.dispatched()).isEmpty();
        assertThat(names(scope.intents())).containsExactly("a", "b");
        assertThat(scope.intents().get(0).args()).containsExactly(1);
        assertThat(scope.isFlushed()).isTrue();
    }

    @Test
    void dropAllDoesNotRunActions() {
        List<String> ran = new ArrayList<>();
        Scope scope = new Scope(new DropAll()).enter();
        Airlock.enqueue("action", () -> ran.add("ran"));
        scope.exit();

        scope.flush();

        assertThat(ran).isEmpty();
        assertThat(scope.intents()).hasSize(1);
    }

    // ---- AssertNoEffects

    @Test
    void assertNoEffectsRejectsAtEnqueueNamingTheTask() {
        Scope scope = new Scope(new AssertNoEffects(), executor).enter();

        Throwable thrown = catchThrowable(() -> Airlock.enqueue("sendInvoice", 7));
        Throwable thrownForAction = catchThrowable(() -> Airlock.enqueue("evictCache", noop()));

        scope.exit();
        assertThat(thrown).isInstanceOf(PolicyViolationException.class);
        assertThat(thrown.getMessage()).contains("sendInvoice");
        assertThat(thrownForAction).isInstanceOf(PolicyViolationException.class);
        assertThat(thrownForAction.getMessage()).contains("evictCache");
        assertThat(scope.intents()).isEmpty();
        assertThat(scope.flush()).isEmpty();
        assertThat(executor.dispatched()).isEmpty();
    }

    @Test
    void assertNoEffectsAllowsCodeWithoutSideEffects() {
        Scope scope = run(new AssertNoEffects(), () -> {
        });

        assertThat(scope.flush()).isEmpty();
    }

    // ---- BlockTasks

    @Test
    void blockTasksDropsBlockedNamesAtFlushAndLetsTheOthersEscapeInOrder() {
        Scope scope = run(new BlockTasks("spam", "tracking"), () -> {
            Airlock.enqueue("first", 1);
            Airlock.enqueue("spam", 2);
            Airlock.enqueue("second", 3);
            Airlock.enqueue("tracking", 4);
            Airlock.enqueue("third", 5);
        });

        List<Intent> dispatched = scope.flush();

        assertThat(names(dispatched)).containsExactly("first", "second", "third");
        assertThat(executor.names()).containsExactly("first", "second", "third");
        assertThat(names(scope.intents())).containsExactly("first", "spam", "second", "tracking", "third");
    }

    @Test
    void blockTasksWithVarargsDoesNotRejectAtEnqueue() {
        Scope scope = new Scope(new BlockTasks("spam"), executor).enter();

        Intent intent = Airlock.enqueue("spam", 1);

        scope.exit();
        assertThat(scope.intents()).containsExactly(intent);
        assertThat(scope.flush()).isEmpty();
    }

    @Test
    void blockTasksWithRaiseOnEnqueueRejectsBlockedNamesAtEnqueue() {
        Scope scope = new Scope(new BlockTasks(Set.of("spam"), true), executor).enter();
        Airlock.enqueue("ok", 1);

        Throwable thrown = catchThrowable(() -> Airlock.enqueue("spam", 2));
        Airlock.enqueue("alsoOk", 3);

        scope.exit();
        assertThat(thrown).isInstanceOf(PolicyViolationException.class).hasMessageContaining("spam");
        assertThat(names(scope.intents())).containsExactly("ok", "alsoOk");
        assertFlushDispatches(scope, executor, "ok", "alsoOk");
    }

    @Test
    void blockTasksWithoutRaiseOnEnqueueDropsAtFlush() {
        Scope scope = run(new BlockTasks(Set.of("spam", "ads"), false), () -> {
            Airlock.enqueue("spam", 1);
            Airlock.enqueue("ok", 2);
            Airlock.enqueue("ads", noop());
        });

        assertThat(names(scope.flush())).containsExactly("ok");
        assertThat(names(scope.intents())).containsExactly("spam", "ok", "ads");
    }

    // ---- readable toString

    static Stream<Arguments> policiesWithoutArguments() {
        return Stream.of(arguments(new AllowAll(), "AllowAll"), arguments(new DropAll(), "DropAll"),
                arguments(new AssertNoEffects(), "AssertNoEffects"), arguments(new LogOnFlush(), "LogOnFlush"));
    }

    @ParameterizedTest
    @MethodSource("policiesWithoutArguments")
    void aBuiltInPolicyWithoutArgumentsIsShownByItsName(Policy policy, String name) {
        assertThat(policy).hasToString(name);
    }

    @Test
    void builtInPoliciesWithArgumentsHaveAReadableToString() {
        assertThat(new BlockTasks("b", "a").toString()).contains("BlockTasks", "a", "b")
                .doesNotMatch(DEFAULT_OBJECT_TO_STRING);
        assertThat(new BlockTasks(Set.of("spam"), true).toString()).contains("BlockTasks")
                .doesNotMatch(DEFAULT_OBJECT_TO_STRING);
        assertThat(new LogOnFlush(new CapturingLogger()).toString()).contains("LogOnFlush")
                .doesNotMatch(DEFAULT_OBJECT_TO_STRING);
    }

    // ---- LogOnFlush

    @Test
    void logOnFlushAllowsEverything() {
        Scope scope = run(new LogOnFlush(), () -> {
            Airlock.enqueue("a", 1);
            Airlock.enqueue("b", "x");
        });

        assertFlushDispatches(scope, executor, "a", "b");
    }

    @Test
    void logOnFlushLogsEachIntentAtFlushAndNothingAtEnqueue() {
        CapturingLogger logger = new CapturingLogger();
        Scope scope = new Scope(new LogOnFlush(logger), executor).enter();
        Intent first = Airlock.enqueue("notify", 42, "abc");
        Intent second = Airlock.enqueue("ping");
        scope.exit();

        assertThat(logger.messages()).isEmpty();
        List<Intent> dispatched = scope.flush();

        assertThat(dispatched).containsExactly(first, second);
        assertThat(logger.messages()).hasSize(2);
        assertThat(logger.messages().get(0)).contains("notify(42, \"abc\")");
        assertThat(logger.messages().get(1)).contains("ping()");
    }

    // ---- custom policies

    @Test
    void aCustomPolicyFiltersWithoutReordering() {
        Policy evenOnly = intent -> ((Integer) intent.args().get(0)) % 2 == 0;
        Scope scope = run(evenOnly, () -> {
            for (int i = 0; i < 6; i++) {
                Airlock.enqueue("n" + i, i);
            }
        });

        assertFlushDispatches(scope, executor, "n0", "n2", "n4");
    }

    /** A JBoss Logging logger that keeps the formatted messages. */
    static final class CapturingLogger extends Logger {

        private static final long serialVersionUID = 1L;

        private final List<String> messages = Collections.synchronizedList(new ArrayList<>());

        CapturingLogger() {
            super("airlock-test");
        }

        List<String> messages() {
            synchronized (messages) {
                return new ArrayList<>(messages);
            }
        }

        @Override
        protected void doLog(Level level, String loggerClassName, Object message, Object[] parameters,
                Throwable thrown) {
            String text = String.valueOf(message);
            if (parameters != null && parameters.length > 0) {
                try {
                    text = MessageFormat.format(text, parameters);
                } catch (IllegalArgumentException e) {
                    text = text + " " + java.util.Arrays.toString(parameters);
                }
            }
            messages.add(text);
        }

        @Override
        protected void doLogf(Level level, String loggerClassName, String format, Object[] parameters,
                Throwable thrown) {
            String text;
            try {
                text = parameters == null ? format : String.format(format, parameters);
            } catch (RuntimeException e) {
                text = format + " " + java.util.Arrays.toString(parameters);
            }
            messages.add(text);
        }

        @Override
        public boolean isEnabled(Level level) {
            return true;
        }
    }
}
