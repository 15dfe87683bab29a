package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.BuiltinExecutor;
import io.quarkiverse.airlock.spi.DispatchDeferral;
import io.quarkiverse.airlock.spi.ExecutorTraits;
import io.quarkiverse.airlock.spi.TransactionGate;
import io.quarkiverse.airlock.spi.TransactionOutcome;

/**
 * A transaction is a boundary wherever scopes nest: what a nested scope flushes inside a transaction escapes only if
 * that transaction commits, whenever the enclosing scope that captured it flushes. Runs against a stand-in for the
 * transaction manager, so the rule is the core's own, not Narayana's.
 */
class TransactionBoundaryTest extends AirlockTestSupport {

    private final Transactions transactions = new Transactions();
    private final RecordingExecutor executor = new RecordingExecutor();

    @AfterEach
    void uninstall() {
        AirlockHooks.installDeferral(null);
    }

    @Test
    void aRolledBackTransactionsIntentNeverRunsWhenTheEnclosingScopeFlushesLater() throws Exception {
        AirlockHooks.installDeferral(transactions);
        Scope outer = new Scope(new AllowAll(), executor).enter();
        Tx tx = transactions.begin();
        Airlock.scope(new Scope(new AllowAll(), executor), inner -> Airlock.enqueue("notify", noop()));
        tx.rollback();
        outer.exit();

        assertThat(outer.capturedIntents()).extracting(Intent::name).containsExactly("notify");
        assertThat(outer.flush()).isEmpty();
        assertThat(executor.dispatched()).isEmpty();
    }

    @Test
    void aCommittedTransactionsIntentRunsWhenTheEnclosingScopeFlushes() throws Exception {
        AirlockHooks.installDeferral(transactions);
        Scope outer = new Scope(new AllowAll(), executor).enter();
        Tx tx = transactions.begin();
        Airlock.scope(new Scope(new AllowAll(), executor), inner -> Airlock.enqueue("notify", noop()));
        tx.commit();
        assertThat(executor.dispatched()).isEmpty();
        outer.exit();

        assertThat(outer.flush()).extracting(Intent::name).containsExactly("notify");
        assertThat(executor.names()).containsExactly("notify");
    }

    @Test
    void theEnclosingScopeStillDecidesAfterACommit() throws Exception {
        AirlockHooks.installDeferral(transactions);
        Scope outer = new Scope(new AllowAll(), executor).enter();
        Tx tx = transactions.begin();
        Airlock.scope(new Scope(new AllowAll(), executor), inner -> Airlock.enqueue("notify", noop()));
        tx.commit();
        outer.exit();

        assertThat(outer.discard()).extracting(Intent::name).containsExactly("notify");
        assertThat(executor.dispatched()).isEmpty();
    }

    @Test
    void aTransactionMarkedForRollbackWhenTheNestedScopeFlushesLetsNothingOut() throws Exception {
        AirlockHooks.installDeferral(transactions);
        Scope outer = new Scope(new AllowAll(), executor).enter();
        Tx tx = transactions.begin();
        tx.setRollbackOnly();
        Airlock.scope(new Scope(new AllowAll(), executor), inner -> Airlock.enqueue("notify", noop()));
        tx.rollback();
        outer.exit();

        assertThat(outer.flush()).isEmpty();
        assertThat(executor.dispatched()).isEmpty();
    }

    @Test
    void anUnknownOutcomeIsNotDispatched() throws Exception {
        AirlockHooks.installDeferral(transactions);
        Scope outer = new Scope(new AllowAll(), executor).enter();
        Tx tx = transactions.begin();
        Airlock.scope(new Scope(new AllowAll(), executor), inner -> Airlock.enqueue("notify", noop()));
        tx.end(TransactionOutcome.UNKNOWN);
        outer.exit();

        assertThat(outer.flush()).isEmpty();
        assertThat(executor.dispatched()).isEmpty();
    }

    @Test
    void anEnclosingScopeFlushingInsideTheSameTransactionWaitsForItsCommit() throws Exception {
        AirlockHooks.installDeferral(transactions);
        Tx tx = transactions.begin();
        Scope outer = new Scope(new AllowAll(), executor).enter();
        Airlock.scope(new Scope(new AllowAll(), executor), inner -> Airlock.enqueue("notify", noop()));
        outer.exit();
        outer.flush();
        assertThat(executor.dispatched()).isEmpty();

        tx.commit();
        assertThat(executor.names()).containsExactly("notify");
    }

    @Test
    void anEnclosingScopeFlushingWhileTheTransactionRunsElsewhereHandsItsIntentsToThatTransaction() throws Exception {
        AirlockHooks.installDeferral(transactions);
        Scope outer = new Scope(new AllowAll(), executor).enter();
        Tx tx = transactions.begin();
        Airlock.scope(new Scope(new AllowAll(), executor), inner -> Airlock.enqueue("notify", noop()));
        transactions.suspend();
        outer.exit();
        outer.flush();
        assertThat(executor.dispatched()).isEmpty();

        tx.commit();
        assertThat(executor.names()).containsExactly("notify");
    }

    @Test
    void withoutAnyTransactionNestingBehavesAsBefore() throws Exception {
        AirlockHooks.installDeferral(transactions);
        Scope outer = Airlock.scope(new Scope(new AllowAll(), executor),
                s -> Airlock.scope(new Scope(new AllowAll(), executor), inner -> Airlock.enqueue("notify", noop())));

        assertThat(outer.capturedIntents()).extracting(Intent::name).containsExactly("notify");
        assertThat(executor.names()).containsExactly("notify");
    }

    @Test
    void anExecutorThatJoinsTransactionsStoresCapturedIntentsInTheNestedScopesTransaction() throws Exception {
        AirlockHooks.installDeferral(transactions);
        HoldingExecutor outbox = new HoldingExecutor();
        Scope outer = new Scope(new AllowAll(), outbox).enter();
        Tx tx = transactions.begin();
        Airlock.scope(new Scope(new AllowAll(), outbox), inner -> Airlock.enqueue("notify", noop()));
        assertThat(outbox.log).containsExactly("hold notify");
        tx.commit();
        outer.exit();
        outer.flush();

        assertThat(outbox.log).containsExactly("hold notify", "release notify");
    }

    @Test
    void aHeldIntentIsForgottenWhenTheEnclosingScopeDiscardsOrAPolicyDropsIt() throws Exception {
        AirlockHooks.installDeferral(transactions);
        HoldingExecutor outbox = new HoldingExecutor();
        Scope outer = new Scope(new BlockTasks("audit"), outbox).enter();
        Tx tx = transactions.begin();
        Airlock.scope(new Scope(new AllowAll(), outbox), inner -> {
            Airlock.enqueue("notify", noop());
            Airlock.enqueue("audit", noop());
        });
        tx.commit();
        outer.exit();
        outer.flush();

        assertThat(outbox.log).containsExactly("hold notify", "hold audit", "forget audit", "release notify");
    }

    @Test
    void aHeldIntentOfARolledBackTransactionIsLeftToTheRollback() throws Exception {
        AirlockHooks.installDeferral(transactions);
        HoldingExecutor outbox = new HoldingExecutor();
        Scope outer = new Scope(new AllowAll(), outbox).enter();
        Tx tx = transactions.begin();
        Airlock.scope(new Scope(new AllowAll(), outbox), inner -> Airlock.enqueue("notify", noop()));
        tx.rollback();
        outer.exit();
        outer.discard();

        assertThat(outbox.log).containsExactly("hold notify");
    }

    @Test
    void intentsEnqueuedDirectlyDuringABoundTransactionDieWithItsRollback() {
        AirlockHooks.installDeferral(transactions);
        Scope request = new Scope(new AllowAll(), executor).enter();
        Airlock.enqueue("before", noop());
        Tx tx = transactions.begin();
        int mark = TransactionBoundaries.mark(request);
        Airlock.enqueue("inside", noop());
        TransactionBoundaries.bind(request, mark);
        tx.rollback();
        Airlock.enqueue("after", noop());
        request.exit();

        assertThat(request.flush()).extracting(Intent::name).containsExactly("before", "after");
        assertThat(request.ownIntents()).extracting(Intent::name).containsExactly("before", "inside", "after");
    }

    @Test
    void intentsEnqueuedDirectlyDuringABoundTransactionRunAfterItsCommit() {
        AirlockHooks.installDeferral(transactions);
        Scope request = new Scope(new AllowAll(), executor).enter();
        Tx tx = transactions.begin();
        int mark = TransactionBoundaries.mark(request);
        Airlock.enqueue("inside", noop());
        TransactionBoundaries.bind(request, mark);
        tx.commit();
        request.exit();

        assertThat(request.flush()).extracting(Intent::name).containsExactly("inside");
        assertThat(executor.names()).containsExactly("inside");
    }

    @Test
    void anInnerTransactionKeepsTheIntentsBoundToItWhenTheOuterOneBindsAgain() {
        AirlockHooks.installDeferral(transactions);
        Scope request = new Scope(new AllowAll(), executor).enter();
        Tx outer = transactions.begin();
        int outerMark = TransactionBoundaries.mark(request);
        Airlock.enqueue("outer", noop());
        transactions.suspend();
        Tx inner = transactions.begin();
        int innerMark = TransactionBoundaries.mark(request);
        Airlock.enqueue("inner", noop());
        TransactionBoundaries.bind(request, innerMark);
        inner.rollback();
        transactions.current = outer;
        TransactionBoundaries.bind(request, outerMark);
        outer.commit();
        request.exit();

        assertThat(request.flush()).extracting(Intent::name).containsExactly("outer");
    }

    @Test
    void anExecutorThatJoinsTransactionsStoresBoundIntentsInThatTransaction() {
        AirlockHooks.installDeferral(transactions);
        HoldingExecutor outbox = new HoldingExecutor();
        Scope request = new Scope(new AllowAll(), outbox).enter();
        Tx tx = transactions.begin();
        int mark = TransactionBoundaries.mark(request);
        Airlock.enqueue("inside", noop());
        TransactionBoundaries.bind(request, mark);
        tx.commit();
        request.exit();
        request.flush();

        assertThat(outbox.log).containsExactly("hold inside", "release inside");
    }

    /** Stands in for the transaction manager: one current transaction at a time, on the test thread. */
    static final class Transactions implements DispatchDeferral {

        Tx current;

        Tx begin() {
            current = new Tx(this);
            return current;
        }

        void suspend() {
            current = null;
        }

        @Override
        public boolean defer(List<Intent> intents, IntentExecutor executor) {
            if (current == null || executor instanceof HoldingExecutor) {
                return false;
            }
            current.dispatchAfterCommit(intents, executor);
            return true;
        }

        @Override
        public TransactionGate gate() {
            if (current == null) {
                return null;
            }
            return current.rollbackOnly ? TransactionGate.ROLLED_BACK : current;
        }
    }

    static final class Tx implements TransactionGate {

        private final Transactions transactions;
        private final List<Runnable> afterCommit = new ArrayList<>();
        private TransactionOutcome outcome = TransactionOutcome.ACTIVE;
        boolean rollbackOnly;

        Tx(Transactions transactions) {
            this.transactions = transactions;
        }

        void setRollbackOnly() {
            rollbackOnly = true;
        }

        void commit() {
            end(TransactionOutcome.COMMITTED);
            afterCommit.forEach(Runnable::run);
        }

        void rollback() {
            end(TransactionOutcome.ROLLED_BACK);
        }

        void end(TransactionOutcome outcome) {
            this.outcome = outcome;
            if (transactions.current == this) {
                transactions.current = null;
            }
        }

        @Override
        public TransactionOutcome outcome() {
            return outcome;
        }

        @Override
        public void dispatchAfterCommit(List<Intent> intents, IntentExecutor executor) {
            List<Intent> copy = List.copyOf(intents);
            afterCommit.add(() -> copy.forEach(executor::dispatch));
        }
    }

    /** An executor that writes in the transaction, like the outbox: it holds what an enclosing scope captures. */
    static final class HoldingExecutor implements BuiltinExecutor {

        final List<String> log = new ArrayList<>();

        @Override
        public ExecutorTraits traits() {
            return ExecutorTraits.IN_PROCESS.joiningTransaction();
        }

        @Override
        public Object hold(Intent intent) {
            log.add("hold " + intent.name());
            return intent.name();
        }

        @Override
        public void release(Object held, Intent intent) {
            log.add("release " + held);
        }

        @Override
        public void forget(Object held, Intent intent) {
            log.add("forget " + held);
        }

        @Override
        public void dispatch(Intent intent) {
            log.add("dispatch " + intent.name());
        }
    }
}
