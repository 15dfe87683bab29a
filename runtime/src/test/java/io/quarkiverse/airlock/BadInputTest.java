package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** API.md section 2 and 5: bad arguments fail with an IllegalArgumentException naming the problem. */
class BadInputTest extends AirlockTestSupport {

    private final RecordingExecutor executor = new RecordingExecutor();
    private Scope scope;

    @BeforeEach
    void openScope() {
        scope = enterScope(executor);
    }

    @AfterEach
    void closeScope() {
        if (scope.isActive()) {
            scope.exit();
        }
    }

    private void assertRejected(ThrowingCallable call, String... anyOfWords) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).isNotBlank();
        assertThat(thrown.getMessage().toLowerCase()).containsAnyOf(anyOfWords);
        assertThat(scope.intents()).as("nothing is buffered").isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", " ", "\t", "  \n " })
    void nullOrBlankTaskNameIsRejected(String task) {
        assertRejected(() -> Airlock.enqueue(task, 1), "task", "name");
        assertRejected(() -> Airlock.enqueue(task, 1), task == null ? "null" : "blank");
        assertRejected(() -> Airlock.enqueue(task, new Object[0]), "task", "name");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "   " })
    void nullOrBlankActionNameIsRejected(String name) {
        assertRejected(() -> Airlock.enqueue(name, noop()), "task name");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "   " })
    void nullOrBlankBuilderTaskNameIsRejected(String task) {
        assertRejected(() -> Airlock.intent(task).args(1).enqueue(), "task", "name");
        assertRejected(() -> Airlock.intent(task), task == null ? "null" : "blank");
    }

    @Test
    void nullActionIsRejected() {
        assertRejected(() -> Airlock.enqueue("refresh", (Runnable) null), "action");
    }

    @Test
    void nullPolicyInTheScopeConstructorsIsRejected() {
        assertRejected(() -> new Scope((Policy) null), "policy");
        assertRejected(() -> new Scope(null, executor), "policy");
    }

    @Test
    void nullExecutorInTheScopeConstructorIsRejected() {
        assertRejected(() -> new Scope(new AllowAll(), null), "executor");
    }

    @Test
    void nullBodyInAirlockScopeIsRejected() {
        assertRejected(() -> Airlock.scope((ScopeBody<RuntimeException>) null), "body");
    }

    @Test
    void nullDefaultsAndANullDefaultPolicyAreRejected() {
        assertRejected(() -> Airlock.configure(null), "defaults");
        assertRejected(() -> AirlockDefaults.builder().policy(null), "policy");
    }

    @Test
    void nullOrBlankBlockedTaskNamesAreRejected() {
        assertThat(catchThrowable(() -> new BlockTasks((String) null))).isInstanceOf(RuntimeException.class);
        assertRejected(() -> new BlockTasks(Set.of(" "), false), "blank");
    }

    @Test
    void nullPolicyInAirlockScopeIsRejectedAndTheBodyDoesNotRun() {
        boolean[] ran = new boolean[1];

        assertRejected(() -> Airlock.scope((Policy) null, s -> ran[0] = true), "policy");

        assertThat(ran[0]).isFalse();
        assertThat(Airlock.currentScope()).containsSame(scope);
    }

    @Test
    void nullPolicyInAirlockPolicyIsRejectedAndTheBodyDoesNotRun() {
        boolean[] ran = new boolean[1];

        assertRejected(() -> Airlock.policy(null, () -> ran[0] = true), "policy");

        assertThat(ran[0]).isFalse();
        Intent after = Airlock.enqueue("after", 1);
        assertThat(after.localPolicies()).isEmpty();
    }

    @Test
    void nullPolicyInScopedIsRejectedAndTheCallDoesNotRun() {
        boolean[] ran = new boolean[1];

        assertRejected(() -> Airlock.scoped(null, () -> ran[0] = true), "policy");

        assertThat(ran[0]).isFalse();
    }

    @Test
    void aRejectedEnqueueLeavesTheScopeUsable() {
        catchThrowable(() -> Airlock.enqueue(" ", 1));

        Intent intent = Airlock.enqueue("valid", 1);
        scope.exit();

        assertThat(scope.flush()).containsExactly(intent);
        assertThat(executor.dispatched()).containsExactly(intent);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "   " })
    void nullOrBlankOrderingKeyIsRejectedAtEnqueue(String key) {
        assertRejected(() -> Airlock.intent("ship").orderingKey(key).enqueue(), "'ship'", "ordering key");
    }

    @Test
    void anOrderingKeyLongerThanTheOutboxStoresIsRejectedAtEnqueue() {
        String key = "k".repeat(Intent.MAX_ORDERING_KEY_LENGTH + 1);
        assertRejected(() -> Airlock.intent("ship").orderingKey(key).enqueue(), "256 characters");
    }

    @Test
    void theOrderingKeyTravelsWithTheIntent() {
        Intent intent = Airlock.intent("ship").orderingKey("customer-7").args(1).enqueue();
        assertThat(intent.orderingKey()).contains("customer-7");
        assertThat(Airlock.enqueue("ship", 2).orderingKey()).isEmpty();
    }
}
