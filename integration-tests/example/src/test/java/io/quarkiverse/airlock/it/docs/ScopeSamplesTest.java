package io.quarkiverse.airlock.it.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.interceptor.Interceptor;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.NoScopeException;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.ScopeStateException;
import io.quarkiverse.airlock.runtime.interceptor.AirlockScopeInterceptor;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The samples of scopes.adoc.
 */
@QuarkusTest
class ScopeSamplesTest extends ShopAuditedTest {

    /** The order the samples work on: a new one of ada's, as the shop creates it. */
    long id;

    @BeforeEach
    void createOrder() {
        id = orders.create("ada").id;
    }

    @Test
    void scopeRunsBodyThenFlushes() {
        // tag::scope[]
        Scope scope = Airlock.scope(s -> orders.process(id)); // enter, run, exit, flush
        // end::scope[]

        assertThat(scope.isFlushed()).isTrue();
        assertThat(sideEffects()).containsExactly("notifyWarehouse(" + id + ")", "sendConfirmationEmail(" + id + ")");
    }

    @Test
    void manualLifecycle() {
        // tag::manual[]
        Scope scope = new Scope(); // the configured default policy and executor
        scope.enter(); // intents enqueued from here on are buffered in it
        try {
            orders.process(id);
        } catch (RuntimeException e) {
            scope.exit();
            scope.discard(); // nothing escapes
            throw e;
        }
        scope.exit();
        List<Intent> dispatched = scope.flush(); // the policies decide, the executor runs them
        // end::manual[]

        assertThat(dispatched).extracting(Intent::name).containsExactly("notifyWarehouse", "sendConfirmationEmail");
        assertThat(sideEffects()).hasSize(2);
    }

    @Test
    void scopedReturnsTheValue() {
        // tag::scoped[]
        String description = Airlock.scoped(new AllowAll(), () -> orders.describe(id));
        // end::scoped[]

        assertThat(description).isEqualTo("order " + id + " for ada is NEW");
    }

    @Test
    void failureDiscardsAndRethrows() {
        IllegalStateException declined = new IllegalStateException("card declined");

        // tag::failure[]
        assertThatThrownBy(() -> Airlock.scope(scope -> {
            orders.process(id); // enqueues two intents...
            throw declined; // ...which are discarded; the exception comes out unchanged
        })).isSameAs(declined);
        // end::failure[]

        assertThat(sideEffects()).isEmpty();
    }

    @Test
    void lifecycleErrors() {
        // tag::lifecycle-errors[]
        assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", 42L))
                .isInstanceOf(NoScopeException.class); // no scope here: nothing is buffered

        Scope scope = new Scope().enter();
        assertThatThrownBy(scope::enter).isInstanceOf(ScopeStateException.class); // already active
        assertThatThrownBy(scope::flush).isInstanceOf(ScopeStateException.class); // exit() first
        scope.exit();
        scope.flush();
        assertThatThrownBy(scope::flush).isInstanceOf(ScopeStateException.class); // a scope ends once
        assertThatThrownBy(scope::discard).isInstanceOf(ScopeStateException.class);
        assertThatThrownBy(scope::enter).isInstanceOf(ScopeStateException.class); // open a new one instead
        // end::lifecycle-errors[]
    }

    @Test
    void exitedScopeCanBeEnteredAgain() {
        Scope scope = new Scope(new DropAll()).enter();
        Airlock.enqueue("audit.record", "first", 1L);
        scope.exit();
        scope.enter();
        Airlock.enqueue("audit.record", "second", 2L);
        scope.exit();
        assertThat(scope.flush()).isEmpty();
        assertThat(scope.intents()).hasSize(2);
    }

    @Test
    void executorFailureLeavesTheScopeFlushed() {
        // tag::executor-failure[]
        Scope scope = new Scope();
        assertThatThrownBy(() -> Airlock.scope(scope, s -> {
            Airlock.enqueue("audit.fail", "mail server down"); // its handler throws
            Airlock.enqueue("audit.record", "never dispatched", 1L);
        })).isInstanceOf(IllegalStateException.class).hasMessage("mail server down");
        assertThat(scope.isFlushed()).isTrue(); // no retry of a half-dispatched scope
        // end::executor-failure[]

        assertThat(audit.names()).containsExactly("audit.fail[mail server down]");
    }

    @Test
    void nestedScopesAreCapturedByTheOutermost() {
        // tag::nested[]
        Scope outer = Airlock.scope(new DropAll(), o -> {
            Scope inner = Airlock.scope(i -> orders.process(id)); // AllowAll, yet nothing runs:
            assertThat(inner.isFlushed()).isTrue(); // its flush handed both intents to the outer scope
            Airlock.enqueue("audit.record", "processed", id);
        });

        assertThat(outer.capturedIntents()).extracting(Intent::name) // came from the nested scope
                .containsExactly("notifyWarehouse", "sendConfirmationEmail");
        assertThat(outer.ownIntents()).extracting(Intent::name) // enqueued directly
                .containsExactly("audit.record");
        assertThat(outer.intents()).hasSize(3); // both, in the order they reached the outer scope
        // DropAll, the outermost policy, had the final word: no handler ran
        // end::nested[]

        assertThat(sideEffects()).isEmpty();
        assertThat(audit.calls).isEmpty();
    }

    @Test
    void nestedFlushReturnsWhatItDispatchedItself() {
        Scope outer = new Scope(new DropAll()).enter();
        Scope inner = new Scope().enter();
        Airlock.enqueue("audit.record", "captured", 1L);
        inner.exit();
        assertThat(inner.flush()).isEmpty();
        assertThat(inner.intents()).hasSize(1);
        outer.exit();
        outer.flush();
        assertThat(audit.calls).isEmpty();
    }

    @Test
    void releasingScopeLetsSomeTasksOutEarly() {
        long first = orders.create("ada").id;
        long second = orders.create("bob").id;
        List<Long> ids = List.of(first, second);

        // tag::releasing-use[]
        Airlock.scope(new ReleasingScope(new AllowAll(), "notifyWarehouse"), batch -> {
            for (long id : ids) {
                Airlock.scope(item -> orders.process(id)); // the warehouse hears about each order at once
            }
            assertThat(batch.capturedIntents()).extracting(Intent::name) // the emails wait for the batch
                    .containsExactly("sendConfirmationEmail", "sendConfirmationEmail");
        });
        // end::releasing-use[]

        assertThat(sideEffects()).containsExactly("notifyWarehouse(" + first + ")", "notifyWarehouse(" + second + ")",
                "sendConfirmationEmail(" + first + ")", "sendConfirmationEmail(" + second + ")");
    }

    @Test
    void bestEffortScopeDispatchesPastAFailure() {
        // tag::best-effort-use[]
        Airlock.scope(new BestEffortScope(new AllowAll()), scope -> {
            Airlock.enqueue("audit.fail", "mail server down"); // its handler throws: logged
            Airlock.enqueue("audit.record", "dispatched anyway", 7L);
        });
        // end::best-effort-use[]

        assertThat(audit.names()).containsExactly("audit.fail[mail server down]",
                "audit.record[dispatched anyway, 7]");
    }

    @Test
    void declineAwareScopeFlushesOnDeclinedPayment() {
        // tag::decline-aware-use[]
        assertThatThrownBy(() -> Airlock.scope(new DeclineAwareScope(), scope -> {
            Airlock.enqueue("paymentDeclined", id);
            throw new PaymentDeclinedException(id);
        })).isInstanceOf(PaymentDeclinedException.class); // still thrown, but the intent escaped
        // end::decline-aware-use[]

        assertThat(audit.names()).containsExactly("paymentDeclined[" + id + "]",
                "audit.record[payment declined, " + id + "]");
    }

    @Test
    void otherThreadsDoNotSeeTheScope() {
        // tag::isolation[]
        Airlock.scope(new DropAll(), scope -> {
            assertThat(Airlock.currentScope()).contains(scope);
            CompletableFuture<Void> elsewhere = CompletableFuture
                    .runAsync(() -> Airlock.enqueue("audit.record", "from another thread", 1L));
            assertThatThrownBy(elsewhere::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(NoScopeException.class); // the scope did not travel
        });
        // end::isolation[]
    }

    @Test
    void interceptorRunsInsideTransactional() {
        // @Transactional's interceptor has priority PLATFORM_BEFORE + 200; a larger value runs inside it
        assertThat(AirlockScopeInterceptor.PRIORITY).isEqualTo(Interceptor.Priority.PLATFORM_BEFORE + 300);
    }
}
