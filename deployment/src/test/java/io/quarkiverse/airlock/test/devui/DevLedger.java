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

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.BlockTasks;

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
