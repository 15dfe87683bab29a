package io.quarkiverse.airlock.test.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/**
 * {@code @Transactional @AirlockScope} on methods returning {@code Uni}, {@code Multi} and {@code CompletionStage}: the
 * body runs once per call inside the transaction {@code @Transactional} began, as it does without Airlock, and the
 * intents wait for that transaction: a commit dispatches them, a rollback (marked, or a failed result) drops them. A
 * {@code Multi} keeps backpressure.
 */
public class ReactiveTransactionTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Effects.class, Accounts.class))
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:reactive-tx;DB_CLOSE_DELAY=-1");

    @Inject
    Effects effects;

    @Inject
    Accounts accounts;

    @BeforeEach
    void clear() {
        effects.ran.clear();
        effects.bodies.set(0);
        effects.statusInBody.clear();
    }

    @AfterEach
    void noScopeLeft() {
        await().atMost(10, TimeUnit.SECONDS).until(() -> Airlock.openScopes() == 0);
    }

    @Test
    void aUniBodyRunsOnceInsideTheTransactionAndItsIntentRunsAfterTheCommit() {
        Uni<String> result = accounts.open("uni", false);
        assertThat(effects.bodies).as("the body runs at the call, as without Airlock").hasValue(1);
        assertThat(effects.statusInBody).containsExactly(Status.STATUS_ACTIVE);

        assertThat(result.await().atMost(Duration.ofSeconds(10))).isEqualTo("uni");
        assertThat(effects.bodies).hasValue(1);
        assertThat(effects.ran).containsExactly("uni");
    }

    @Test
    void aUniWhoseTransactionIsMarkedForRollbackLetsNothingOut() {
        assertThat(accounts.open("uni-rollback", true).await().atMost(Duration.ofSeconds(10))).isEqualTo("uni-rollback");

        assertThat(effects.statusInBody).containsExactly(Status.STATUS_ACTIVE);
        assertThat(effects.ran).isEmpty();
    }

    @Test
    void aFailedUniRollsBackAndLetsNothingOut() {
        assertThatThrownBy(() -> accounts.openThenFail("uni-failed").await().atMost(Duration.ofSeconds(10)))
                .hasMessageContaining("declined");

        assertThat(effects.ran).isEmpty();
    }

    @Test
    void aCompletionStageBodyRunsInsideTheTransaction() throws Exception {
        assertThat(accounts.openLater("stage", false).toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("stage");
        assertThat(effects.statusInBody).containsExactly(Status.STATUS_ACTIVE);
        assertThat(effects.ran).containsExactly("stage");

        accounts.openLater("stage-rollback", true).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(effects.ran).containsExactly("stage");
    }

    @Test
    void aMultiBodyRunsInsideTheTransactionAndItsIntentsWaitForTheCommit() {
        List<Integer> items = accounts.statements("multi", false).collect().asList().await()
                .atMost(Duration.ofSeconds(10));

        assertThat(items).containsExactly(1, 2, 3);
        assertThat(effects.statusInBody).containsExactly(Status.STATUS_ACTIVE);
        assertThat(effects.ran).containsExactly("multi");

        accounts.statements("multi-rollback", true).collect().asList().await().atMost(Duration.ofSeconds(10));
        assertThat(effects.ran).containsExactly("multi");
    }

    @Test
    void aMultiKeepsBackpressure() {
        AtomicInteger produced = new AtomicInteger();
        AssertSubscriber<Long> subscriber = accounts.ledger(produced).subscribe()
                .withSubscriber(AssertSubscriber.create(1));

        subscriber.awaitItems(1);
        assertThat(produced.get()).as("items produced for one requested").isLessThanOrEqualTo(2);
        subscriber.request(2).awaitItems(3);
        assertThat(produced.get()).isLessThanOrEqualTo(4);
        subscriber.cancel();
    }

    @Singleton
    public static class Effects {
        final List<String> ran = new CopyOnWriteArrayList<>();
        final List<Integer> statusInBody = new CopyOnWriteArrayList<>();
        final AtomicInteger bodies = new AtomicInteger();

        @AirlockTask
        void effect(String token) {
            ran.add(token);
        }
    }

    @ApplicationScoped
    public static class Accounts {
        @Inject
        Effects effects;

        @Inject
        TransactionManager transactions;

        private void body(String token, boolean rollback) {
            effects.bodies.incrementAndGet();
            try {
                effects.statusInBody.add(transactions.getStatus());
                Airlock.enqueue("effect", token);
                if (rollback) {
                    transactions.setRollbackOnly();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Transactional
        @AirlockScope
        public Uni<String> open(String token, boolean rollback) {
            body(token, rollback);
            return Uni.createFrom().item(token).onItem().delayIt().by(Duration.ofMillis(20));
        }

        @Transactional
        @AirlockScope
        public Uni<String> openThenFail(String token) {
            body(token, false);
            return Uni.createFrom().<String> failure(new IllegalStateException("declined"))
                    .onFailure().call(() -> Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(20)));
        }

        @Transactional
        @AirlockScope
        public CompletionStage<String> openLater(String token, boolean rollback) {
            body(token, rollback);
            return Uni.createFrom().item(token).onItem().delayIt().by(Duration.ofMillis(20)).subscribeAsCompletionStage();
        }

        @Transactional
        @AirlockScope
        public Multi<Integer> statements(String token, boolean rollback) {
            body(token, rollback);
            return Multi.createFrom().items(1, 2, 3);
        }

        @AirlockScope
        public Multi<Long> ledger(AtomicInteger produced) {
            // bounded, so that an implementation draining it fails the test instead of hanging it
            return Multi.createFrom().generator(() -> 0L, (n, emitter) -> {
                produced.incrementAndGet();
                emitter.emit(n);
                if (n == 10_000) {
                    emitter.complete();
                }
                return n + 1;
            });
        }
    }
}
