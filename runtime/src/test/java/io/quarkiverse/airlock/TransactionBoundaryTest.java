package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @BeforeEach
    void install() {
        AirlockHooks.installDeferral(transactions);
    }

    /** A nested scope enqueues "notify" and flushes: whatever encloses it captures the intent. */
    private static Scope flushNestedScope(IntentExecutor executor) {
        return Airlock.scope(new Scope(new AllowAll(), executor), inner -> Airlock.enqueue("notify", noop()));
    }

    /** Begins a transaction in which a nested scope enqueues "notify" and flushes. */
    private Tx flushNestedScopeInATransaction(IntentExecutor executor) {
        Tx tx = transactions.begin();
        flushNestedScope(executor);
        return tx;
    }

    /** Begins a transaction and binds to it the intent enqueued directly in the request scope while it runs. */
    private Tx enqueueInABoundTransaction(Scope request, String task) {
        Tx tx = transactions.begin();
        int mark = TransactionBoundaries.mark(request);
        Airlock.enqueue(task, noop());
        TransactionBoundaries.bind(request, mark);
        return tx;
    }

    /** Exits and flushes the enclosing scope: the captured "notify" escapes only once the transaction commits. */
    private void assertFlushWaitsForCommit(Scope outer, Tx tx) {
        outer.exit();
        outer.flush();
        assertThat(executor.dispatched()).isEmpty();

        tx.commit();
        assertThat(executor.names()).containsExactly("notify");
    }

    @AfterEach
    void uninstall() {
        AirlockHooks.installDeferral(null);
    }

    @ParameterizedTest
    @ValueSource(strings = { "rolled back", "marked rollback-only, then rolled back", "unknown outcome" })
    void anIntentOfATransactionThatDidNotCommitNeverRunsWhenTheEnclosingScopeFlushesLater(String ending) {
        Scope outer = enterScope(executor);
        Tx tx = transactions.begin();
        if (ending.startsWith("marked")) {
            tx.setRollbackOnly();
        }
        flushNestedScope(executor);
        if (ending.equals("unknown outcome")) {
            tx.end(TransactionOutcome.UNKNOWN);
        } else {
            tx.rollback();
        }
        outer.exit();

        assertThat(outer.capturedIntents()).extracting(Intent::name).containsExactly("notify");
        assertThat(outer.flush()).isEmpty();
        assertThat(executor.dispatched()).isEmpty();
    }

    @Test
    void aCommittedTransactionsIntentRunsWhenTheEnclosingScopeFlushes() throws Exception {
        Scope outer = enterScope(executor);
        Tx tx = flushNestedScopeInATransaction(executor);
        tx.commit();
        assertThat(executor.dispatched()).isEmpty();
        outer.exit();

        assertThat(outer.flush()).extracting(Intent::name).containsExactly("notify");
        assertThat(executor.names()).containsExactly("notify");
    }

    @Test
    void theEnclosingScopeStillDecidesAfterACommit() throws Exception {
        Scope outer = enterScope(executor);
        Tx tx = flushNestedScopeInATransaction(executor);
        tx.commit();
        outer.exit();

        assertThat(outer.discard()).extracting(Intent::name).containsExactly("notify");
        assertThat(executor.dispatched()).isEmpty();
    }

    @Test
    void anEnclosingScopeFlushingInsideTheSameTransactionWaitsForItsCommit() throws Exception {
        Tx tx = transactions.begin();
        Scope outer = enterScope(executor);
        flushNestedScope(executor);

        assertFlushWaitsForCommit(outer, tx);
    }

    @Test
    void anEnclosingScopeFlushingWhileTheTransactionRunsElsewhereHandsItsIntentsToThatTransaction() throws Exception {
        Scope outer = enterScope(executor);
        Tx tx = flushNestedScopeInATransaction(executor);
        transactions.suspend();

        assertFlushWaitsForCommit(outer, tx);
    }

    @Test
    void withoutAnyTransactionNestingBehavesAsBefore() throws Exception {
        Scope outer = Airlock.scope(new Scope(new AllowAll(), executor),
                s -> flushNestedScope(executor));

        assertThat(outer.capturedIntents()).extracting(Intent::name).containsExactly("notify");
        assertThat(executor.names()).containsExactly("notify");
    }

    @Test
    void anExecutorThatJoinsTransactionsStoresCapturedIntentsInTheNestedScopesTransaction() throws Exception {
        HoldingExecutor outbox = new HoldingExecutor();
        Scope outer = enterScope(outbox);
        Tx tx = flushNestedScopeInATransaction(outbox);
        assertThat(outbox.log).containsExactly("hold notify");
        tx.commit();
        outer.exit();
        outer.flush();

        assertThat(outbox.log).containsExactly("hold notify", "release notify");
    }

    @Test
    void aHeldIntentIsForgottenWhenTheEnclosingScopeDiscardsOrAPolicyDropsIt() throws Exception {
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
        HoldingExecutor outbox = new HoldingExecutor();
        Scope outer = enterScope(outbox);
        Tx tx = flushNestedScopeInATransaction(outbox);
        tx.rollback();
        outer.exit();
        outer.discard();

        assertThat(outbox.log).containsExactly("hold notify");
    }

    @Test
    void intentsEnqueuedDirectlyDuringABoundTransactionDieWithItsRollback() {
        Scope request = enterScope(executor);
        Airlock.enqueue("before", noop());
        Tx tx = enqueueInABoundTransaction(request, "inside");
        tx.rollback();
        Airlock.enqueue("after", noop());
        request.exit();

        assertThat(request.flush()).extracting(Intent::name).containsExactly("before", "after");
        assertThat(request.ownIntents()).extracting(Intent::name).containsExactly("before", "inside", "after");
    }

    @Test
    void intentsEnqueuedDirectlyDuringABoundTransactionRunAfterItsCommit() {
        Scope request = enterScope(executor);
        Tx tx = enqueueInABoundTransaction(request, "inside");
        tx.commit();
        request.exit();

        assertThat(request.flush()).extracting(Intent::name).containsExactly("inside");
        assertThat(executor.names()).containsExactly("inside");
    }

    @Test
    void anInnerTransactionKeepsTheIntentsBoundToItWhenTheOuterOneBindsAgain() {
        Scope request = enterScope(executor);
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
        HoldingExecutor outbox = new HoldingExecutor();
        Scope request = enterScope(outbox);
        Tx tx = enqueueInABoundTransaction(request, "inside");
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

        /** A transaction that ends is no longer current, as with a real transaction manager. */
        void ended(Tx tx) {
            if (current == tx) {
                current = null;
            }
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
            transactions.ended(this);
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
