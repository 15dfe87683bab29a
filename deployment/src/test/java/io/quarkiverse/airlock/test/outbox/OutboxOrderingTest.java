package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.OutboxEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Intents of one ordering key are delivered one at a time, in the order their transactions committed: a failing one
 * holds back the later ones of its key (and only those) until it succeeds, and by default until a dead letter is
 * resubmitted and delivered, or discarded. Keys never wait for a row that is not there: a rolled-back transaction
 * leaves no place behind, and a held row its enclosing scope withdraws lets its key go on.
 */
public class OutboxOrderingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps
            .retryingAtOnce(OutboxTestApps.onH2("outbox-ordering", Shipping.class, Orders.class))
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms")
            .overrideConfigKey("quarkus.airlock.outbox.max-attempts", "1000")
            .overrideConfigKey("quarkus.airlock.outbox.hold-timeout", "1m")
            .overrideConfigKey("quarkus.airlock.tasks.\"charge\".max-attempts", "1");

    @Inject
    AirlockOutbox outbox;

    @Inject
    Orders orders;

    @Test
    void aFailingIntentHoldsBackTheLaterOnesOfItsKeyWhileOtherKeysGoOn() {
        Shipping.failing.add("late:1");
        ship("late", 1);
        ship("late", 2);
        ship("late", 3);
        ship("early", 1);
        ship("early", 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> Shipping.delivered("early").size() == 2
                && Shipping.attempts("late:1") >= 3);
        assertThat(Shipping.delivered("early")).containsExactly(1, 2);
        assertThat(Shipping.delivered("late")).as("behind late:1, which keeps failing").isEmpty();
        assertThat(outbox.pendingCount()).as("the held-back rows are pending").isEqualTo(3);

        Shipping.failing.remove("late:1");
        await().atMost(Duration.ofSeconds(10)).until(() -> Shipping.delivered("late").size() == 3);
        assertThat(Shipping.delivered("late")).containsExactly(1, 2, 3);
    }

    @Test
    void aDeadLetterHoldsBackItsKeyUntilItIsResubmittedAndDelivered() {
        UUID dead = deadLetterAhead("resubmitted", 2);
        charge("resubmitted-other", 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> Shipping.delivered("resubmitted-other").size() == 1);
        assertThat(Shipping.delivered("resubmitted")).as("behind the dead letter").isEmpty();

        Shipping.failing.remove("resubmitted:1");
        assertThat(outbox.resubmit(dead)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> Shipping.delivered("resubmitted").size() == 2);
        assertThat(Shipping.delivered("resubmitted")).containsExactly(1, 2);
    }

    @Test
    void discardingADeadLetterLetsTheLaterOnesOfItsKeyGoOn() {
        UUID dead = deadLetterAhead("discarded", 3);
        assertThat(outbox.discard(dead)).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> Shipping.delivered("discarded").size() == 2);
        assertThat(Shipping.delivered("discarded")).containsExactly(2, 3);
    }

    @Test
    void theIntentsOfOneScopeWrittenInOneBatchKeepTheirOrderBehindTheEarlierOnesOfTheirKey() {
        Shipping.failing.add("batched:1");
        ship("batched", 1);
        OutboxTestApps.commitScope(() -> {
            Airlock.intent("ship").orderingKey("batched").args("batched", 2).enqueue();
            Airlock.enqueue("ship", "unkeyed", 1);
            Airlock.intent("ship").orderingKey("batched").args("batched", 3).enqueue();
        });
        // outside a transaction the batch commits on its own, all of it or nothing
        Airlock.scope(scope -> {
            Airlock.intent("ship").orderingKey("batched").args("batched", 4).enqueue();
            Airlock.intent("ship").orderingKey("batched").args("batched", 5).enqueue();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> Shipping.delivered("unkeyed").size() == 1
                && Shipping.attempts("batched:1") >= 3);
        assertThat(Shipping.delivered("batched")).as("behind batched:1").isEmpty();
        Shipping.failing.remove("batched:1");
        await().atMost(Duration.ofSeconds(10)).until(() -> Shipping.delivered("batched").size() == 5);
        assertThat(Shipping.delivered("batched")).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aRolledBackTransactionLeavesNoPlaceItsKeyWouldWaitFor() {
        ship("rolled-back", 1);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            Airlock.scope(scope -> Airlock.intent("ship").orderingKey("rolled-back").args("rolled-back", 2).enqueue());
            throw new IllegalStateException("out of stock");
        })).hasMessageContaining("out of stock");
        ship("rolled-back", 3);

        await().atMost(Duration.ofSeconds(10)).until(() -> Shipping.delivered("rolled-back").size() == 2);
        assertThat(Shipping.delivered("rolled-back")).containsExactly(1, 3);
    }

    @Test
    void aHeldRowKeepsItsPlaceAndIsDeliveredFirstWhenItsEnclosingScopeFlushes() {
        Airlock.scope(scope -> {
            orders.place("released", 1);
            // committed by another unit of work while the first row is held: it waits behind it
            CompletableFuture.runAsync(() -> ship("released", 2)).join();
            assertThat(Shipping.delivered("released")).isEmpty();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> Shipping.delivered("released").size() == 2);
        assertThat(Shipping.delivered("released")).containsExactly(1, 2);
    }

    @Test
    void aHeldRowItsEnclosingScopeWithdrawsLetsItsKeyGoOn() {
        assertThatThrownBy(() -> Airlock.scope(scope -> {
            orders.place("withdrawn", 1);
            CompletableFuture.runAsync(() -> ship("withdrawn", 2)).join();
            throw new IllegalStateException("payment failed after the order was stored");
        })).hasMessageContaining("payment failed");

        await().atMost(Duration.ofSeconds(10)).until(() -> Shipping.delivered("withdrawn").size() == 1);
        assertThat(Shipping.delivered("withdrawn")).containsExactly(2);
    }

    private static void ship(String key, int n) {
        QuarkusTransaction.requiringNew().run(
                () -> Airlock.scope(scope -> Airlock.intent("ship").orderingKey(key).args(key, n).enqueue()));
    }

    private static void charge(String key, int n) {
        QuarkusTransaction.requiringNew().run(
                () -> Airlock.scope(scope -> Airlock.intent("charge").orderingKey(key).args(key, n).enqueue()));
    }

    /** Charges {@code count} times with {@code key}, the first of which is dead-lettered. */
    private UUID deadLetterAhead(String key, int count) {
        Shipping.failing.add(key + ":1");
        for (int n = 1; n <= count; n++) {
            charge(key, n);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetter(key) != null);
        return deadLetter(key).id();
    }

    private OutboxEntry deadLetter(String key) {
        return outbox.deadLetters(100).stream().filter(row -> row.args().contains("\"" + key + "\"")).findFirst()
                .orElse(null);
    }

    @ApplicationScoped
    public static class Orders {

        /** A nested scope in a transaction of its own: its row is held until the caller's scope decides. */
        @Transactional
        @AirlockScope
        public void place(String key, int n) {
            Airlock.intent("ship").orderingKey(key).args(key, n).enqueue();
        }
    }

    public static class Shipping {

        static final Set<String> failing = ConcurrentHashMap.newKeySet();
        static final Map<String, List<Integer>> delivered = new ConcurrentHashMap<>();
        static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        static List<Integer> delivered(String key) {
            return delivered.getOrDefault(key, List.of());
        }

        static int attempts(String row) {
            AtomicInteger count = attempts.get(row);
            return count == null ? 0 : count.get();
        }

        @AirlockTask
        void ship(String key, int n) {
            run(key, n);
        }

        @AirlockTask
        void charge(String key, int n) {
            run(key, n);
        }

        private static void run(String key, int n) {
            String row = key + ":" + n;
            attempts.computeIfAbsent(row, ignored -> new AtomicInteger()).incrementAndGet();
            if (failing.contains(row)) {
                throw new IllegalStateException("carrier down for " + row);
            }
            delivered.computeIfAbsent(key, ignored -> new CopyOnWriteArrayList<>()).add(n);
        }
    }
}
