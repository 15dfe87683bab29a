package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API.md section 3: the Intent value and the IntentBuilder. */
class IntentTest extends AirlockTestSupport {

    private RecordingExecutor executor;
    private Scope scope;

    @BeforeEach
    void openScope() {
        executor = new RecordingExecutor();
        scope = enterScope(executor);
    }

    @AfterEach
    void closeScope() {
        if (scope.isActive()) {
            scope.exit();
        }
    }

    @Test
    void nameIsTheTaskName() {
        assertThat(Airlock.enqueue("notifyWarehouse", 1).name()).isEqualTo("notifyWarehouse");
        assertThat(Airlock.enqueue("refresh", noop()).name()).isEqualTo("refresh");
        assertThat(Airlock.intent("built").enqueue().name()).isEqualTo("built");
    }

    @Test
    void argsAreInCallOrder() {
        Intent intent = Airlock.enqueue("task", 1, "two", 3.0, List.of(4));

        assertThat(intent.args()).containsExactly(1, "two", 3.0, List.of(4));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3 })
    void argsAreUnmodifiable(int count) {
        Intent intent = Airlock.enqueue("task", arguments(count));

        assertThatThrownBy(() -> intent.args().add(3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> intent.args().set(0, 9)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> intent.args().remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> intent.args().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> intent.args().listIterator().set(9)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> intent.args().replaceAll(arg -> arg)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> intent.args().removeIf(arg -> true))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(intent.args()).containsExactly(arguments(count));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3 })
    void argsKeepTheListContract(int count) {
        List<Object> expected = Arrays.asList(arguments(count));
        List<Object> args = Airlock.enqueue("task", arguments(count)).args();

        assertThat(args).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(expected).isEqualTo(args);
        assertThat(args.indexOf(null)).isEqualTo(expected.indexOf(null));
        assertThat(args.lastIndexOf(1)).isEqualTo(expected.lastIndexOf(1));
        assertThat(args.contains(null)).isEqualTo(expected.contains(null));
        assertThat(args.subList(0, 1)).isEqualTo(expected.subList(0, 1));
        assertThat(args.toArray()).containsExactly(expected.toArray());
        assertThat(args.toArray(new Object[0])).containsExactly(expected.toArray());
        assertThat(args.stream().count()).isEqualTo(count);
        assertThat(args).isNotEqualTo(List.of("something else"));
        assertThatThrownBy(() -> args.get(count)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** 1, then null, then "x": one, two or three arguments. */
    private static Object[] arguments(int count) {
        return Arrays.copyOf(new Object[] { 1, null, "x" }, count);
    }

    @Test
    void argsAreNeverNull() {
        assertThat(Airlock.enqueue("noArgs").args()).isNotNull().isEmpty();
        assertThat(Airlock.enqueue("action", noop()).args()).isNotNull().isEmpty();
        assertThat(Airlock.intent("built").enqueue().args()).isNotNull().isEmpty();
    }

    @Test
    void nullArgumentsAreKeptInPlace() {
        Intent intent = Airlock.enqueue("task", 1, null, "x", null);

        assertThat(intent.args()).hasSize(4);
        assertThat(intent.args()).containsExactly(1, null, "x", null);
    }

    @Test
    void aSingleNullArgumentIsKept() {
        Intent intent = Airlock.enqueue("task", (Object) null);

        assertThat(intent.args()).hasSize(1);
        assertThat(intent.args().get(0)).isNull();
    }

    @Test
    void callersVarargsArrayIsCopied() {
        Object[] args = { 1, "a" };
        Intent intent = Airlock.enqueue("task", args);

        args[0] = 99;
        args[1] = "changed";

        assertThat(intent.args()).containsExactly(1, "a");
    }

    @Test
    void builderArgsArrayIsCopied() {
        Object[] args = { 1, "a" };
        IntentBuilder builder = Airlock.intent("task").args(args);
        args[0] = 99;
        Intent intent = builder.enqueue();
        args[1] = "changed";

        assertThat(intent.args()).containsExactly(1, "a");
    }

    @Test
    void optionsAreEmptyAndUnmodifiableByDefault() {
        Intent intent = Airlock.enqueue("task", 1);

        assertThat(intent.options()).isNotNull().isEmpty();
        assertThatThrownBy(() -> intent.options().put("queue", "x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(Airlock.enqueue("action", noop()).options()).isNotNull().isEmpty();
    }

    @Test
    void builderOptionsAreKeptAndUnmodifiable() {
        Intent intent = Airlock.intent("task").option("queue", "mail").option("priority", 5).enqueue();

        assertThat(intent.options()).containsEntry("queue", "mail").containsEntry("priority", 5).hasSize(2);
        assertThatThrownBy(() -> intent.options().put("other", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> intent.options().remove("queue")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(intent.options()).hasSize(2);
    }

    @Test
    void builderKeepsADurationDelayOption() {
        Intent intent = Airlock.intent("mail").option("delay", Duration.ofSeconds(2)).enqueue();

        assertThat(intent.options()).containsEntry("delay", Duration.ofSeconds(2));
    }

    @Test
    void builderRejectsABadDelayWhenTheOptionIsSet() {
        assertThatThrownBy(() -> Airlock.intent("mail").option("delay", "soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'delay'");
        assertThatThrownBy(() -> Airlock.intent("mail").option("delay", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(scope.intents()).isEmpty();
    }

    @Test
    void builderOptionSetTwiceKeepsTheLastValue() {
        Intent intent = Airlock.intent("task").option("queue", "a").option("queue", "b").enqueue();

        assertThat(intent.options()).containsExactly(java.util.Map.entry("queue", "b"));
    }

    @Test
    void originIsEmptyUnlessGiven() {
        assertThat(Airlock.enqueue("task", 1).origin()).isEmpty();
        assertThat(Airlock.enqueue("action", noop()).origin()).isEmpty();
        assertThat(Airlock.intent("built").enqueue().origin()).isEmpty();
    }

    @Test
    void builderOriginIsKept() {
        Intent intent = Airlock.intent("task").origin("POST /orders trace=abc").enqueue();

        assertThat(intent.origin()).contains("POST /orders trace=abc");
    }

    @Test
    void builderCombinesArgsOptionsAndOriginAndBuffersTheIntent() {
        Intent intent = Airlock.intent("ship")
                .args(7, null, "express")
                .option("queue", "shipping")
                .origin("req-1")
                .enqueue();

        assertThat(intent.name()).isEqualTo("ship");
        assertThat(intent.args()).containsExactly(7, null, "express");
        assertThat(intent.options()).containsEntry("queue", "shipping");
        assertThat(intent.origin()).contains("req-1");
        assertThat(intent.action()).isEmpty();
        assertThat(scope.intents()).singleElement().isSameAs(intent);
    }

    @Test
    void builderDoesNothingUntilEnqueue() {
        IntentBuilder builder = Airlock.intent("task").args(1).option("queue", "q").origin("o");

        assertThat(scope.intents()).isEmpty();
        Intent intent = builder.enqueue();
        assertThat(scope.intents()).containsExactly(intent);
    }

    @Test
    void actionIsPresentForRunnableEnqueueAndEmptyForNamedTasks() {
        Runnable action = noop();

        Intent withAction = Airlock.enqueue("refresh", action);
        Intent named = Airlock.enqueue("task", 1);

        assertThat(withAction.action()).containsSame(action);
        assertThat(withAction.args()).as("an action takes no arguments").isEmpty();
        assertThat(withAction.toString()).isEqualTo("refresh()");
        assertThat(named.action()).isEmpty();
        assertThat(named.args()).containsExactly(1);
        assertThat(Airlock.intent("built").args(1).enqueue().action()).isEmpty();
    }

    @Test
    void defaultExecutorRunsTheActionAtFlushNotBefore() {
        scope.exit();
        AtomicInteger runs = new AtomicInteger();
        Scope withDefaultExecutor = new Scope(new AllowAll()).enter();

        Airlock.enqueue("count", runs::incrementAndGet);
        Airlock.enqueue("countAgain", runs::incrementAndGet);

        assertThat(runs).hasValue(0);
        withDefaultExecutor.exit();
        assertThat(runs).hasValue(0);
        List<Intent> dispatched = withDefaultExecutor.flush();
        assertThat(runs).hasValue(2);
        assertThat(names(dispatched)).containsExactly("count", "countAgain");
    }

    @Test
    void defaultExecutorRunsActionsInFifoOrder() {
        scope.exit();
        List<String> order = new ArrayList<>();
        Scope withDefaultExecutor = new Scope().enter();

        Airlock.enqueue("first", () -> order.add("first"));
        Airlock.enqueue("second", () -> order.add("second"));
        Airlock.enqueue("third", () -> order.add("third"));
        withDefaultExecutor.exit();
        withDefaultExecutor.flush();

        assertThat(order).containsExactly("first", "second", "third");
    }

    @Test
    void toStringShowsNameAndArgsWithStringsInDoubleQuotes() {
        assertThat(Airlock.enqueue("notify", 42, "abc")).hasToString("notify(42, \"abc\")");
        assertThat(Airlock.enqueue("ping")).hasToString("ping()");
        assertThat(Airlock.enqueue("one", "x")).hasToString("one(\"x\")");
        assertThat(Airlock.enqueue("numbers", 1, 2L, true)).hasToString("numbers(1, 2, true)");
        assertThat(Airlock.enqueue("task", 42, "abc", null)).hasToString("task(42, \"abc\", null)");
    }

    @Test
    void equalityIsIdentity() {
        Intent first = Airlock.enqueue("notify", 42, "abc");
        Intent second = Airlock.enqueue("notify", 42, "abc");

        assertThat(first).isEqualTo(first);
        assertThat(first).isNotEqualTo(second);
        assertThat(second).isNotEqualTo(first);
        assertThat(scope.intents()).hasSize(2);
    }

    @Test
    void equalIntentsAreBothDispatched() {
        Airlock.enqueue("notify", 42);
        Airlock.enqueue("notify", 42);
        scope.exit();

        scope.flush();

        assertThat(executor.dispatched()).hasSize(2);
        assertThat(executor.dispatched().get(0)).isNotSameAs(executor.dispatched().get(1));
    }

    @Test
    void localPoliciesAreEmptyOutsideALocalPolicyBlock() {
        Intent intent = Airlock.enqueue("task", 1);

        assertThat(intent.localPolicies()).isNotNull().isEmpty();
        assertThat(intent.passesLocalPolicies()).isTrue();
    }
}
