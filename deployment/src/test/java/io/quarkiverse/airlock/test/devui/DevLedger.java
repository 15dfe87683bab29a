package io.quarkiverse.airlock.test.devui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.BlockTasks;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A ledger whose entries are booked in JTA transactions, for the Dev UI's transactional outcomes, and one booking held
 * open under a local policy, for the Pending page. A top-level class, because dev mode loads the application apart
 * from the test.
 */
@Path("/ledger")
public class DevLedger {

    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Inject
    TransactionManager transactions;

    /** The scope flushes inside the transaction; its intent is dispatched when the transaction commits. */
    @POST
    @Path("/book/{id}")
    @Transactional
    @AirlockScope
    public void book(@PathParam("id") String id) {
        Airlock.enqueue("post", id);
    }

    /** The scope flushes inside the transaction, which then rolls back without an exception. */
    @POST
    @Path("/abandon/{id}")
    @Transactional
    public void abandon(@PathParam("id") String id) throws SystemException {
        Airlock.scope(scope -> Airlock.enqueue("post", id));
        transactions.setRollbackOnly();
    }

    /**
     * An enclosing scope around a transaction in which a nested scope flushes: the enclosing scope captures the intent,
     * which waits for the transaction's commit, and rolls back with it when {@code rollback} is set.
     */
    @POST
    @Path("/nested/{id}")
    @AirlockScope
    public void nested(@PathParam("id") String id, @QueryParam("rollback") boolean rollback) throws Exception {
        try {
            QuarkusTransaction.requiringNew().call(() -> {
                Airlock.scope(scope -> Airlock.enqueue("post", id));
                if (rollback) {
                    transactions.setRollbackOnly();
                }
                return null;
            });
        } catch (RuntimeException rolledBack) {
            // the enclosing unit of work goes on, and flushes
        }
    }

    /** Buffers an intent under a local policy, then waits until released. */
    @POST
    @Path("/held/{id}")
    @AirlockScope
    public void held(@PathParam("id") String id) throws InterruptedException {
        Airlock.policy(new BlockTasks("audit"), () -> Airlock.enqueue("post", id));
        if (!RELEASE.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Booking " + id + " was never released");
        }
    }

    @POST
    @Path("/release")
    public void release() {
        RELEASE.countDown();
    }

    @AirlockTask
    void post(String id) {
    }
}
