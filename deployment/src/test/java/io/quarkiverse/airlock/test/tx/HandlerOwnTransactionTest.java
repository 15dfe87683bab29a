package io.quarkiverse.airlock.test.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.test.TestApps;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With the synchronous executor (the default), intents that waited for a commit run in the committing thread, while
 * Narayana still has the finished transaction on it. Airlock takes it off for the handlers: a handler sees no
 * transaction, can begin and commit one through the manager, and a {@code @Transactional} bean it calls gets a new,
 * active one instead of joining the finished one. The committing thread is left as the commit would leave it.
 */
public class HandlerOwnTransactionTest {

    @RegisterExtension
    static final QuarkusUnitTest config = TestApps.withExecutor("sync", Ledger.class, Journal.class);

    @Inject
    TransactionManager transactions;

    @Inject
    Ledger ledger;

    @Test
    void aHandlerAfterTheCommitBeginsItsOwnTransactionsOnTheCommittingThread() throws Exception {
        Transaction business = beginAndBook("order-7");
        assertThat(ledger.entries).as("held back until the commit").isEmpty();
        transactions.commit();

        assertThat(ledger.entries).singleElement().satisfies(entry -> {
            assertThat(entry.thread()).isSameAs(Thread.currentThread());
            assertThat(entry.statusOnEntry()).as("no transaction around the handler")
                    .isEqualTo(Status.STATUS_NO_TRANSACTION);
            assertThat(entry.manualStatus()).as("begun through the manager").isEqualTo(Status.STATUS_ACTIVE);
            assertThat(entry.journalStatus()).as("@Transactional in the handler").isEqualTo(Status.STATUS_ACTIVE);
            assertThat(entry.journalTransaction()).as("a new transaction, not the finished one")
                    .isNotNull().isNotSameAs(business);
        });
        assertThat(transactions.getStatus()).as("the committing thread after the commit")
                .isEqualTo(Status.STATUS_NO_TRANSACTION);
        transactions.begin();
        transactions.rollback();
    }

    @Test
    void aTransactionAHandlerLeavesOpenDoesNotStayOnTheCommittingThread() throws Exception {
        ledger.leaked.clear();
        transactions.begin();
        Airlock.scope(scope -> Airlock.enqueue("leave", "order-8"));
        transactions.commit();

        assertThat(ledger.leaked).as("the handler ran and left its transaction open").hasSize(1);
        try {
            assertThat(transactions.getStatus()).as("the committing thread after the commit")
                    .isEqualTo(Status.STATUS_NO_TRANSACTION);
            transactions.begin();
            Airlock.scope(scope -> Airlock.enqueue("book", "order-9"));
            transactions.commit();
            assertThat(ledger.entries).as("the next commit dispatches as usual").anySatisfy(
                    entry -> assertThat(entry.statusOnEntry()).isEqualTo(Status.STATUS_NO_TRANSACTION));
        } finally {
            ledger.leaked.get(0).rollback();
        }
    }

    @Test
    void aCommitCalledOnAThreadWithAnotherTransactionLeavesThatOneThere() throws Exception {
        Transaction business = beginAndBook("order-10");
        transactions.suspend();

        transactions.begin();
        Transaction other = transactions.getTransaction();
        try {
            business.commit();
            assertThat(ledger.entries).singleElement().satisfies(entry -> assertThat(entry.statusOnEntry())
                    .as("the handler runs outside the thread's other transaction too")
                    .isEqualTo(Status.STATUS_NO_TRANSACTION));
            assertThat(transactions.getTransaction()).as("still on the committing thread").isSameAs(other);
            assertThat(transactions.getStatus()).isEqualTo(Status.STATUS_ACTIVE);
        } finally {
            transactions.rollback();
        }
    }

    /** Begins a transaction and flushes a scope that books {@code order} in it; the ledger starts empty. */
    private Transaction beginAndBook(String order) throws Exception {
        ledger.entries.clear();
        transactions.begin();
        Airlock.scope(scope -> Airlock.enqueue("book", order));
        return transactions.getTransaction();
    }

    record Entry(Thread thread, int statusOnEntry, int manualStatus, int journalStatus, Transaction journalTransaction) {
    }

    /** A singleton, so that the test reads the list itself and not a field of a client proxy. */
    @Singleton
    public static class Ledger {

        final List<Entry> entries = new CopyOnWriteArrayList<>();
        final List<Transaction> leaked = new CopyOnWriteArrayList<>();

        @Inject
        TransactionManager transactions;

        @Inject
        Journal journal;

        @AirlockTask
        void book(String order) throws Exception {
            int onEntry = transactions.getStatus();
            transactions.begin();
            int manual = transactions.getStatus();
            transactions.commit();
            Transaction[] journalTransaction = new Transaction[1];
            int inJournal = journal.write(order, journalTransaction);
            entries.add(new Entry(Thread.currentThread(), onEntry, manual, inJournal, journalTransaction[0]));
        }

        /** A faulty handler: begins a transaction and never ends it. */
        @AirlockTask
        void leave(String order) throws Exception {
            transactions.begin();
            leaked.add(transactions.getTransaction());
        }
    }

    @ApplicationScoped
    public static class Journal {

        @Inject
        TransactionManager transactions;

        /** The status of the transaction it runs in; that transaction goes to {@code seen}. */
        @Transactional
        int write(String order, Transaction[] seen) throws Exception {
            seen[0] = transactions.getTransaction();
            return transactions.getStatus();
        }
    }
}
