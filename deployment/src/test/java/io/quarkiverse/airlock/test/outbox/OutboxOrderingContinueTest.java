package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code ordering.on-dead-letter=continue}, the later intents of a key go on without a dead letter; resubmitted,
 * it runs on its own, after them.
 */
public class OutboxOrderingContinueTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-ordering-continue", Billing.class)
            .overrideConfigKey("quarkus.airlock.outbox.max-attempts", "1")
            .overrideConfigKey("quarkus.airlock.outbox.ordering.on-dead-letter", "continue");

    @Inject
    AirlockOutbox outbox;

    @Test
    void theLaterIntentsOfItsKeyGoOnWithoutADeadLetter() {
        Billing.failing.add(1);
        for (int n = 1; n <= 3; n++) {
            int invoice = n;
            OutboxTestApps.commitScope(() -> Airlock.intent("invoice").orderingKey("customer-7").args(invoice).enqueue());
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> Billing.invoiced.size() == 2);
        assertThat(Billing.invoiced).containsExactly(2, 3);
        assertThat(outbox.deadLetterCount()).isEqualTo(1);

        Billing.failing.clear();
        assertThat(outbox.resubmit(outbox.deadLetters(1).get(0).id())).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> Billing.invoiced.size() == 3);
        assertThat(Billing.invoiced).containsExactly(2, 3, 1);
        assertThat(outbox.pendingCount()).isZero();
    }

    public static class Billing {

        static final Set<Integer> failing = ConcurrentHashMap.newKeySet();
        static final List<Integer> invoiced = new CopyOnWriteArrayList<>();

        @AirlockTask
        void invoice(int n) {
            if (failing.contains(n)) {
                throw new IllegalStateException("ledger down for invoice " + n);
            }
            invoiced.add(n);
        }
    }
}
