package io.quarkiverse.airlock.it.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.AssertNoEffects;
import io.quarkiverse.airlock.BlockTasks;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.LogOnFlush;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.PolicyEnqueueException;
import io.quarkiverse.airlock.PolicyViolationException;
import io.quarkiverse.airlock.Scope;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The samples of policies.adoc.
 */
@QuarkusTest
class PolicySamplesTest extends ShopAuditedTest {

    @Inject
    CheckoutService checkout;

    List<String> sideEffects() {
        return orders.sideEffects().stream().map(effect -> effect.task).toList();
    }

    @Test
    void allowAll() {
        long id = orders.create("ada").id;
        // tag::allow-all[]
        Airlock.scope(new AllowAll(), scope -> orders.process(id)); // both tasks run
        // end::allow-all[]
        assertThat(sideEffects()).containsExactly("notifyWarehouse", "sendConfirmationEmail");
    }

    @Test
    void dropAll() {
        long id = orders.create("ada").id;
        // tag::drop-all[]
        Scope scope = Airlock.scope(new DropAll(), s -> orders.process(id)); // nothing runs...
        assertThat(scope.intents()).hasSize(2); // ...but the intents are still there to look at
        // end::drop-all[]
        assertThat(sideEffects()).isEmpty();
    }

    @Test
    void assertNoEffects() {
        long id = orders.create("ada").id;
        // tag::assert-no-effects[]
        assertThatThrownBy(() -> Airlock.scope(new AssertNoEffects(), scope -> orders.process(id)))
                .isInstanceOf(PolicyViolationException.class) // thrown by the first enqueue, inside process()
                .hasMessageContaining("notifyWarehouse");
        // end::assert-no-effects[]
        assertThat(sideEffects()).isEmpty();
        assertThat(orders.find(id).status.name()).isEqualTo("NEW"); // process() failed and rolled back
    }

    @Test
    void blockTasks() {
        long id = orders.create("ada").id;
        // tag::block-tasks[]
        Scope scope = Airlock.scope(new BlockTasks("sendConfirmationEmail"), s -> orders.process(id));
        assertThat(scope.intents()).hasSize(2); // both were buffered; the email was dropped at flush
        // end::block-tasks[]
        assertThat(sideEffects()).containsExactly("notifyWarehouse");
    }

    @Test
    void blockTasksRaisingOnEnqueue() {
        long id = orders.create("ada").id;
        // tag::block-tasks-raise[]
        Policy strict = new BlockTasks(Set.of("sendConfirmationEmail"), true);
        assertThatThrownBy(() -> Airlock.scope(strict, scope -> orders.process(id)))
                .isInstanceOf(PolicyViolationException.class); // process() fails, so the scope discards
        // end::block-tasks-raise[]
        assertThat(sideEffects()).isEmpty();
        assertThat(strict.toString()).isEqualTo("BlockTasks[sendConfirmationEmail](raise on enqueue)");
    }

    @Test
    void logOnFlush() {
        long id = orders.create("ada").id;
        // tag::log-on-flush[]
        Airlock.scope(new LogOnFlush(), scope -> orders.process(id)); // logs "Airlock flush: notifyWarehouse(1)"...
        // end::log-on-flush[]
        assertThat(sideEffects()).containsExactly("notifyWarehouse", "sendConfirmationEmail");
    }

    @Test
    void localPolicyBlock() {
        long first = orders.create("ada").id;
        long second = orders.create("bob").id;

        // tag::local[]
        Airlock.scope(scope -> {
            orders.process(first); // both tasks escape
            Airlock.policy(new BlockTasks("sendConfirmationEmail"), () -> {
                orders.process(second); // no email for this one
            });
        }); // the block ended before the flush; its policy still applies to what was enqueued in it
        // end::local[]

        assertThat(sideEffects()).containsExactly("notifyWarehouse", "sendConfirmationEmail", "notifyWarehouse");
    }

    @Test
    void localPolicyAroundAnAnnotatedMethod() {
        long id = orders.create("ada").id;

        // tag::local-around-scope[]
        Airlock.policy(new BlockTasks("sendConfirmationEmail"), () -> checkout.checkout(id)); // @AirlockScope method
        // end::local-around-scope[]

        assertThat(sideEffects()).containsExactly("notifyWarehouse");
    }

    @Test
    void localPoliciesTravelIntoTheCapturingScope() {
        List<Intent> escaped = new ArrayList<>();
        Scope capturing = new Scope(new AllowAll(), escaped::add).enter();
        Airlock.policy(new BlockTasks("audit.record"), () -> {
            Scope inner = new Scope(new AllowAll()).enter();
            Airlock.enqueue("paymentDeclined", 1L);
            Airlock.enqueue("audit.record", "blocked", 1L);
            inner.exit();
            assertThat(inner.flush()).isEmpty(); // everything was captured, before any policy applied
        });
        capturing.exit();
        assertThat(capturing.capturedIntents()).extracting(Intent::name)
                .containsExactly("paymentDeclined", "audit.record");
        assertThat(capturing.capturedIntents())
                .allSatisfy(intent -> assertThat(intent.localPolicies()).hasSize(1)); // the policy came along
        capturing.flush();
        assertThat(escaped).extracting(Intent::name).containsExactly("paymentDeclined");
    }

    @Test
    void evaluationOrderInnermostFirstThenScope() {
        List<String> seen = new ArrayList<>();
        Policy outerLocal = intent -> seen.add("outer local");
        Policy innerLocal = intent -> seen.add("inner local");
        Policy scopePolicy = intent -> seen.add("scope");

        Airlock.scope(scopePolicy, scope -> Airlock.policy(outerLocal,
                () -> Airlock.policy(innerLocal, () -> Airlock.enqueue("audit.record", "x", 1L))));

        assertThat(seen).containsExactly("inner local", "outer local", "scope");
    }

    @Test
    void lambdaPolicy() {
        long id = orders.create("ada").id;
        // tag::lambda[]
        Policy warehouseOnly = intent -> intent.name().equals("notifyWarehouse");
        Airlock.scope(warehouseOnly, scope -> orders.process(id));
        // end::lambda[]
        assertThat(sideEffects()).containsExactly("notifyWarehouse");
    }

    @Test
    void requireOrigin() {
        // tag::require-origin-use[]
        Scope scope = Airlock.scope(new RequireOrigin(), s -> {
            Airlock.intent("audit.record").args("exported", 7L).origin("POST /orders/7/export").enqueue();
            assertThatThrownBy(() -> Airlock.enqueue("audit.record", "exported", 7L))
                    .isInstanceOf(PolicyViolationException.class); // rejected: not buffered
        });
        assertThat(scope.intents()).hasSize(1);
        // end::require-origin-use[]
        assertThat(audit.names()).containsExactly("audit.record[exported, 7]");
    }

    @Test
    void policiesNeverEnqueue() {
        assertThatThrownBy(() -> Airlock.scope(new EnqueuingPolicy(), scope -> Airlock.enqueue("paymentDeclined", 1L)))
                .isInstanceOf(PolicyEnqueueException.class);
        assertThat(audit.calls).isEmpty();
    }

    @Test
    void builtInNames() {
        assertThat(List.of(new AllowAll(), new DropAll(), new AssertNoEffects(), new BlockTasks("a", "b"),
                new LogOnFlush())).extracting(Object::toString)
                .containsExactly("AllowAll", "DropAll", "AssertNoEffects", "BlockTasks[a, b]", "LogOnFlush");
    }
}
