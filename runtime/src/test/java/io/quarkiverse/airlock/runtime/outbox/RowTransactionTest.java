package io.quarkiverse.airlock.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;

/**
 * A handler's writes through its row's transaction commit with the row's completion or not at all; a handler that
 * wrote nothing through it leaves the completion to be recorded on its own (with other lanes' rows), since there is
 * nothing to commit with it.
 */
class RowTransactionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    static {
        // Narayana's stores, which a transaction manager of its own creates, go to the build directory
        String dir = Path.of("target", "narayana").toAbsolutePath().toString();
        BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class).setObjectStoreDir(dir);
        BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "communicationStore").setObjectStoreDir(dir);
        BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "stateStore").setObjectStoreDir(dir);
    }

    private final TransactionManager transactions = com.arjuna.ats.jta.TransactionManager.transactionManager();
    private final RowTransaction transaction = RowTransaction.jta(transactions);
    private final List<String> events = new ArrayList<>();

    @AfterEach
    void noTransactionLeft() throws Exception {
        assertThat(transactions.getStatus()).isEqualTo(Status.STATUS_NO_TRANSACTION);
    }

    @Test
    void aHandlerThatWroteNothingLeavesTheCompletionToBeRecordedOnItsOwn() throws Exception {
        RowTransaction.Ending ending = transaction.run(TIMEOUT, () -> events.add("handler"), completion(true));

        assertThat(ending).isEqualTo(RowTransaction.Ending.NOTHING_WRITTEN);
        assertThat(events).containsExactly("handler");
    }

    @Test
    void aHandlersWriteCommitsWithTheCompletion() throws Exception {
        RowTransaction.Ending ending = transaction.run(TIMEOUT, this::write, completion(true));

        assertThat(ending).isEqualTo(RowTransaction.Ending.COMPLETED);
        assertThat(events).containsExactly("write", "completion in the transaction", "write committed");
    }

    @Test
    void aHandlersWriteRollsBackWhenTheRowIsNoLongerTheRelays() throws Exception {
        RowTransaction.Ending ending = transaction.run(TIMEOUT, this::write, completion(false));

        assertThat(ending).isEqualTo(RowTransaction.Ending.NOT_OURS);
        assertThat(events).containsExactly("write", "completion in the transaction", "write rolled back");
    }

    @Test
    void aSynchronizationCountsAsAWriteItMayFlushAtCommit() throws Exception {
        RowTransaction.Ending ending = transaction.run(TIMEOUT, () -> {
            try {
                transactions.getTransaction().registerSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        events.add("flush before completion");
                    }

                    @Override
                    public void afterCompletion(int status) {
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, completion(true));

        assertThat(ending).isEqualTo(RowTransaction.Ending.COMPLETED);
        assertThat(events).containsExactly("completion in the transaction", "flush before completion");
    }

    @Test
    void aFailingHandlersWriteRollsBackAndTheCompletionNeverRuns() {
        assertThatThrownBy(() -> transaction.run(TIMEOUT, () -> {
            write();
            throw new IllegalStateException("carrier refused");
        }, completion(true))).hasMessage("carrier refused");

        assertThat(events).containsExactly("write", "write rolled back");
    }

    private Callable<Boolean> completion(boolean stillOurs) {
        return () -> {
            events.add(transactions.getStatus() == Status.STATUS_ACTIVE ? "completion in the transaction"
                    : "completion outside");
            return stillOurs;
        };
    }

    /** What a connection of a transactional datasource does: enlists itself, then writes. */
    private void write() {
        try {
            transactions.getTransaction().enlistResource(new Resource());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        events.add("write");
    }

    /** A resource that records how its transaction ended. */
    private final class Resource implements XAResource {

        @Override
        public void commit(Xid xid, boolean onePhase) {
            events.add("write committed");
        }

        @Override
        public void rollback(Xid xid) {
            events.add("write rolled back");
        }

        @Override
        public int prepare(Xid xid) {
            return XA_OK;
        }

        @Override
        public void start(Xid xid, int flags) {
        }

        @Override
        public void end(Xid xid, int flags) {
        }

        @Override
        public void forget(Xid xid) {
        }

        @Override
        public Xid[] recover(int flag) throws XAException {
            return new Xid[0];
        }

        @Override
        public boolean isSameRM(XAResource other) {
            return other == this;
        }

        @Override
        public int getTransactionTimeout() {
            return 0;
        }

        @Override
        public boolean setTransactionTimeout(int seconds) {
            return false;
        }
    }
}
