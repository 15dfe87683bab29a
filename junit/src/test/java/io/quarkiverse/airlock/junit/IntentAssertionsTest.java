package io.quarkiverse.airlock.junit;

import static io.quarkiverse.airlock.junit.AirlockAssertions.assertThatIntent;
import static io.quarkiverse.airlock.junit.AirlockAssertions.assertThatIntents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;

/**
 * The assertions pass on what they describe and fail with a message that shows the intents.
 */
class IntentAssertionsTest {

    private final Scope scope = Airlock.scope(new DropAll(), s -> {
        Airlock.enqueue("notifyWarehouse", 42L);
        Airlock.intent("sendEmail").args("ada", null).option("queue", "mail").origin("POST /orders").enqueue();
    });
    private final List<Intent> intents = scope.intents();

    @Test
    void taskNamesInOrder() {
        assertThatIntents(intents).hasTaskNames("notifyWarehouse", "sendEmail");

        assertThatThrownBy(() -> assertThatIntents(intents).hasTaskNames("sendEmail", "notifyWarehouse"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to be the tasks [sendEmail, notifyWarehouse] in this order")
                .hasMessageContaining("notifyWarehouse(42), sendEmail(\"ada\", null)");
        assertThatThrownBy(() -> assertThatIntents(intents).hasTaskNames("notifyWarehouse"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void containsAndDoesNotContainTasks() {
        assertThatIntents(intents).containsTasks("sendEmail").doesNotContainTasks("chargeCard");

        assertThatThrownBy(() -> assertThatIntents(intents).containsTasks("sendEmail", "sendEmail"))
                .hasMessageContaining("[sendEmail] missing");
        assertThatThrownBy(() -> assertThatIntents(intents).doesNotContainTasks("chargeCard", "sendEmail"))
                .hasMessageContaining("but found [sendEmail]");
    }

    @Test
    void renderedIntents() {
        assertThatIntents(scope).hasIntents("notifyWarehouse(42)", "sendEmail(\"ada\", null)");

        assertThatThrownBy(() -> assertThatIntents(scope).hasIntents("notifyWarehouse(41)", "sendEmail(\"ada\", null)"))
                .hasMessageContaining("[notifyWarehouse(41), sendEmail(\"ada\", null)] in this order");
    }

    @Test
    void emptinessAndSize() {
        assertThatIntents(List.of()).isEmpty().hasSize(0);
        assertThatIntents(intents).hasSize(2);

        assertThatThrownBy(() -> assertThatIntents(intents).isEmpty())
                .hasMessageContaining("Expected no intents, but there are 2: [notifyWarehouse(42)");
        assertThatThrownBy(() -> assertThatIntents(intents).hasSize(3)).hasMessageContaining("Expected 3 intents");
    }

    @Test
    void theNthIntent() {
        assertThatIntents(intents).intent(0).hasName("notifyWarehouse").hasArgs(42L).hasArg(0, 42L);
        assertThatIntents(intents).intent(1).hasArgs("ada", null).hasOption("queue", "mail")
                .hasOrigin("POST /orders");
        assertThatIntents(intents).intent("sendEmail").hasArg(1, null);

        assertThatThrownBy(() -> assertThatIntents(intents).intent(2))
                .hasMessageContaining("Expected an intent #2 among the intents, but there are 2");
        assertThatThrownBy(() -> assertThatIntents(intents).intent("chargeCard"))
                .hasMessageContaining("Expected a 'chargeCard' intent");
    }

    @Test
    void argumentsCompareWithTheirType() {
        Intent intent = intents.get(0);

        assertThatThrownBy(() -> assertThatIntent(intent).hasArg(0, 42))
                .hasMessageContaining("Expected argument #0 of notifyWarehouse(42) to be 42 (Integer), but it is 42 (Long)");
        assertThatThrownBy(() -> assertThatIntent(intent).hasArgs(42L, "more"))
                .hasMessageContaining("to have the arguments [42 (Long), more (String)], but they are [42 (Long)]");
        // equal-looking arguments of different types: the message says which type each side has
        assertThatThrownBy(() -> assertThatIntent(intent).hasArgs(42))
                .hasMessageContaining("to have the arguments [42 (Integer)], but they are [42 (Long)]");
        assertThatThrownBy(() -> assertThatIntent(intent).hasArg(1, "x"))
                .hasMessageContaining("to have an argument #1, but it has 1");
        assertThatThrownBy(() -> assertThatIntent(intent).hasNoArgs()).isInstanceOf(AssertionError.class);
    }

    @Test
    void nameOptionAndOrigin() {
        Intent intent = intents.get(0);

        assertThatThrownBy(() -> assertThatIntent(intent).hasName("sendEmail"))
                .hasMessageContaining("Expected the task 'sendEmail', but notifyWarehouse(42) is 'notifyWarehouse'");
        assertThatThrownBy(() -> assertThatIntent(intent).hasOption("queue", "mail"))
                .hasMessageContaining("to have the option queue=mail (String), but its options are {}");
        assertThatThrownBy(() -> assertThatIntent(intent).hasOrigin("POST /orders"))
                .hasMessageContaining("its origin is not set");
    }

    @Test
    void capturedIntentsWorkWithAssertJsOwnAssertThat() {
        Scope open = new Scope(new DropAll()).enter();
        try {
            Airlock.enqueue("notifyWarehouse", 7L);
            CapturedIntents captured = new CapturedIntents(open, IntentLog.INSTANCE);

            assertThat(captured).hasTaskNames("notifyWarehouse").hasSize(1).dispatchedNothing()
                    .intent(0).hasArgs(7L);
            assertThat(captured.taskNames()).containsExactly("notifyWarehouse");
            assertThat(captured.intent(0)).hasToString("notifyWarehouse(7)");
            assertThatThrownBy(() -> captured.intent(1))
                    .hasMessageContaining("holds 1 intent(s), so there is no intent #1");
            assertThatThrownBy(() -> assertThat(captured).hasNoIntents())
                    .hasMessageContaining("Expected no intents of the test scope, but there are 1");
        } finally {
            open.exit();
            open.discard();
        }
    }
}
