package it.outbox.peer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.gruelbox.transactionoutbox.Dialect;
import com.gruelbox.transactionoutbox.Instantiator;
import com.gruelbox.transactionoutbox.Persistor;
import com.gruelbox.transactionoutbox.Submitter;
import com.gruelbox.transactionoutbox.ThreadLocalContextTransactionManager;
import com.gruelbox.transactionoutbox.TransactionManager;
import com.gruelbox.transactionoutbox.TransactionOutbox;
import com.gruelbox.transactionoutbox.TransactionOutboxEntry;
import com.gruelbox.transactionoutbox.TransactionOutboxListener;

/**
 * One instance of the peer outbox (gruelbox transaction-outbox), set up as its documentation recommends: its own
 * transaction manager on the pooled data source, its PostgreSQL persistor (its table {@code TXNO_OUTBOX}, created by its
 * migrations, claimed with {@code SKIP LOCKED}), its default flush batch, and an executor submitter with an unbounded
 * queue, so that a burst of commits never drops work into the next flush. Settings the Airlock benchmark application
 * also has are the same: three attempts, a background flush every 100 ms (the relay's poll interval).
 */
final class PeerOutbox implements AutoCloseable {

    static final String TABLE = "txno_outbox";

    /** Deliveries the peer reported done: the handler ran and the transaction that deleted its row committed. */
    static final Deliveries DELIVERED = new Deliveries();

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final ThreadLocalContextTransactionManager transactions;
    private final TransactionOutbox outbox;
    private final ExecutorService executor;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean flushing;
    private Thread flushLoop;

    private PeerOutbox(DataSource dataSource, ExecutorService executor, Submitter submitter,
            Duration attemptFrequency) {
        this.transactions = TransactionManager.fromDataSource(dataSource);
        this.executor = executor;
        BenchHandler handler = new BenchHandler();
        this.outbox = TransactionOutbox.builder()
                .transactionManager(transactions)
                .persistor(Persistor.forDialect(Dialect.POSTGRESQL_9))
                .instantiator(Instantiator.using(type -> handler))
                .submitter(submitter)
                .attemptFrequency(attemptFrequency)
                .blockAfterAttempts(3)
                .serializeMdc(false)
                .listener(new TransactionOutboxListener() {
                    @Override
                    public void success(TransactionOutboxEntry entry) {
                        DELIVERED.delivered();
                    }
                })
                .build();
    }

    /**
     * An instance that runs its intents: those it commits at once after the commit, on {@code threads} threads, and
     * those of any instance that are due, by flushing.
     */
    static PeerOutbox relaying(DataSource dataSource, int threads) {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        // the peer's default retry interval: how long an intent committed on one instance is left to that instance
        return new PeerOutbox(dataSource, executor, Submitter.withExecutor(executor), Duration.ofMinutes(2));
    }

    /**
     * An instance that commits intents and leaves them to a flush an hour later, the peer's nearest to Airlock's delayed
     * intents: the benchmark makes them due all at once.
     */
    static PeerOutbox deferring(DataSource dataSource) {
        return new PeerOutbox(dataSource, null, (entry, localExecutor) -> {
        }, Duration.ofHours(1));
    }

    /** Commits {@code total} intents, one writer thread, in transactions of {@code perTransaction}. */
    void commitAll(int total, int perTransaction) {
        for (int from = 0; from < total; from += perTransaction) {
            commit(from, Math.min(perTransaction, total - from));
        }
    }

    /** Commits {@code count} intents in one transaction, their arguments {@code from} on. */
    private void commit(int from, int count) {
        transactions.inTransaction(() -> {
            for (int i = from; i < from + count; i++) {
                outbox.schedule(BenchHandler.class).handle(i);
            }
        });
    }

    /** Hands every due intent to the executor, as the background loop does. */
    void flushAll() {
        while (outbox.flush()) {
            // the peer flushes one batch a call
        }
    }

    /** The background loop of the peer's documentation, woken early by {@link #nudge()}. */
    void startFlushing(String name) {
        flushing = true;
        flushLoop = new Thread(() -> {
            while (flushing) {
                flushAll();
                try {
                    wake.tryAcquire(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
        flushLoop.setDaemon(true);
        flushLoop.start();
    }

    void nudge() {
        wake.release();
    }

    void stopFlushing() throws InterruptedException {
        if (flushLoop != null) {
            flushing = false;
            wake.release();
            flushLoop.join();
            flushLoop = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopFlushing();
        if (executor != null) {
            executor.shutdown();
            executor.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** The invocation the peer stores for one intent, to copy into rows the benchmark writes with plain SQL. */
    String invocationOfOneIntent(DataSource dataSource) throws SQLException {
        commit(0, 1);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT invocation FROM " + TABLE)) {
            result.next();
            String invocation = result.getString(1);
            statement.execute("DELETE FROM " + TABLE);
            return invocation;
        }
    }
}
