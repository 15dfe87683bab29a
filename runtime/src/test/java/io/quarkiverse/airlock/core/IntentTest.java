package io.quarkiverse.airlock.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;

class IntentTest {

    static Intent enqueueInDroppingScope(Object... args) {
        Intent[] intent = new Intent[1];
        Airlock.scope(new DropAll(), scope -> intent[0] = Airlock.enqueue("task", args));
        return intent[0];
    }

    @Test
    void argsAreKeptInOrderWithNullsAndCannotBeChanged() {
        Intent intent = enqueueInDroppingScope(1, null, "x");
        assertThat(intent.args()).containsExactly(1, null, "x");
        assertThatThrownBy(() -> intent.args().add(2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> intent.args().set(0, 2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theCallersArrayIsCopied() {
        Object[] args = { "before" };
        Intent intent = enqueueInDroppingScope(args);
        args[0] = "after";
        assertThat(intent.args()).containsExactly("before");
    }

    @Test
    void noArgsGiveAnEmptyListAndNoOptions() {
        Intent intent = enqueueInDroppingScope();
        assertThat(intent.args()).isEmpty();
        assertThat(intent.options()).isEmpty();
        assertThat(intent.origin()).isEmpty();
        assertThat(intent.action()).isEmpty();
        assertThat(intent.localPolicies()).isEmpty();
    }

    @Test
    void builderCarriesOptionsAndOrigin() {
        Intent[] built = new Intent[1];
        Airlock.scope(new DropAll(), scope -> built[0] = Airlock.intent("mail").args("ada", 3)
                .option("queue", "low").option("delay", Duration.ofSeconds(2)).origin("POST /orders").enqueue());
        Intent intent = built[0];
        assertThat(intent.name()).isEqualTo("mail");
        assertThat(intent.args()).containsExactly("ada", 3);
        assertThat(intent.options()).containsEntry("queue", "low").containsEntry("delay", Duration.ofSeconds(2));
        assertThat(intent.origin()).contains("POST /orders");
        assertThatThrownBy(() -> intent.options().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void badDelayIsRejectedWhenBuilt() {
        assertThatThrownBy(() -> Airlock.intent("mail").option("delay", "soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'delay'");
        assertThatThrownBy(() -> Airlock.intent("mail").option("delay", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actionIsPresentAndRunByTheDefaultExecutor() {
        List<String> ran = new ArrayList<>();
        Intent[] intent = new Intent[1];
        Airlock.scope(new AllowAll(), scope -> {
            intent[0] = Airlock.enqueue("cleanup", () -> ran.add("cleaned"));
            assertThat(ran).isEmpty();
        });
        assertThat(intent[0].action()).isPresent();
        assertThat(ran).containsExactly("cleaned");
    }

    @Test
    void toStringQuotesStrings() {
        assertThat(enqueueInDroppingScope(42, "abc", null)).hasToString("task(42, \"abc\", null)");
        assertThat(enqueueInDroppingScope()).hasToString("task()");
    }

    @Test
    void equalityIsIdentity() {
        Intent first = enqueueInDroppingScope(1);
        Intent second = enqueueInDroppingScope(1);
        assertThat(first).isNotEqualTo(second);
        assertThat(first).isEqualTo(first);
    }

    @Test
    void localPoliciesAreCapturedOutermostFirst() {
        DropAll outer = new DropAll();
        AllowAll inner = new AllowAll();
        Intent[] intent = new Intent[1];
        Scope scope = new Scope(new AllowAll(), new Recorder()).enter();
        try {
            Airlock.policy(outer, () -> Airlock.policy(inner, () -> intent[0] = Airlock.enqueue("t")));
        } finally {
            scope.exit();
        }
        assertThat(intent[0].localPolicies()).containsExactly(outer, inner);
        assertThat(intent[0].passesLocalPolicies()).isFalse();
    }
}
