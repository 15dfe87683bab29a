package io.quarkiverse.airlock.it.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.it.shop.OrderService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The ways scopes and transactions nest, each as a method the tests call.
 */
@ApplicationScoped
public class TransactionScenarios {

    @Inject
    OrderService orders;

    @Inject
    TransactionManager transactions;

    @Inject
    Inner inner;

    /**
     * The scope encloses the transaction: it flushes after the commit, with no transaction left, so at once. Returns the
     * side effects run once the transaction committed, before the scope ended.
     */
    @AirlockScope
    public int scopeAroundTransaction(long id) {
        orders.process(id);
        return orders.sideEffects().size();
    }

    /**
     * The transaction encloses the scope: the flush happens in the transaction and waits for its commit. Returns the side
     * effects run once the scope flushed, before the commit.
     */
    @Transactional
    public int scopeInsideTransaction(long id) {
        Airlock.scope(scope -> orders.process(id));
        return orders.sideEffects().size();
    }

    /** As above, but the transaction is marked rollback-only and no exception is thrown. */
    @Transactional
    @AirlockScope
    public void rollbackOnlyWithoutException(long id) throws Exception {
        orders.process(id);
        transactions.setRollbackOnly();
    }

    /**
     * A programmatic new transaction inside a scope: the intents wait for the scope, which ends after the commit. Returns
     * the side effects run once the transaction committed, before the scope ended.
     */
    public int requiringNewInsideScope(long id) {
        int[] seenAfterCommit = new int[1];
        Airlock.scope(scope -> {
            QuarkusTransaction.requiringNew().run(() -> orders.process(id));
            seenAfterCommit[0] = orders.sideEffects().size();
        });
        return seenAfterCommit[0];
    }

    /**
     * A scope inside a programmatic new transaction: it flushes in the transaction and waits for its commit. Returns the
     * side effects run once the scope flushed, before the commit.
     */
    public int scopeInsideRequiringNew(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Airlock.scope(scope -> orders.process(id));
            return orders.sideEffects().size();
        });
    }

    /**
     * The inner REQUIRES_NEW transaction commits and its scope's intents go out; the outer one rolls back and takes its
     * own intents with it.
     */
    @Transactional
    public void innerCommitsOuterRollsBack(long committed, long rolledBack) {
        inner.processInNewTransaction(committed);
        Airlock.scope(scope -> orders.process(rolledBack));
        throw new IllegalStateException("outer transaction fails after the inner one committed");
    }

    /**
     * Two scopes flush in one transaction with a REQUIRES_NEW transaction between them: the inner one's intents go out
     * at its commit, then the outer one's, both scopes' in the order they flushed.
     */
    @Transactional
    public void twoScopesAroundAnInnerTransaction(long first, long inTheMiddle, long last) {
        Airlock.scope(scope -> orders.process(first));
        inner.processInNewTransaction(inTheMiddle);
        Airlock.scope(scope -> orders.process(last));
    }

    @ApplicationScoped
    public static class Inner {

        @Inject
        OrderService orders;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        @AirlockScope
        public void processInNewTransaction(long id) {
            orders.process(id);
        }
    }
}
