package io.quarkiverse.airlock.test.matrix;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.virtual.threads.VirtualThreads;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * The application every cell of the composition matrix runs in: the suites of this module run it once per executor
 * and per setting of the HTTP auto-scope, and integration-tests/scenarios, which compiles these sources into its own
 * tests, runs it behind a real {@code @RunOnVirtualThread} endpoint. A cell is one HTTP request: the resource calls the cell's service the way the cell's
 * scope kind says, the service writes a business row and enqueues {@code effect}, then ends its transaction as the
 * cell says; the effect records its token and whether that row was committed when it ran.
 */
public final class MatrixApp {

    private MatrixApp() {
    }

    /** One run of the effect: its token, and null or what was wrong with its business row when it ran. */
    public record Run(String token, String rowProblem) {
    }

    /** The failure a service throws (or its result fails with) after enqueuing, to roll its transaction back. */
    public static final class Declined extends RuntimeException {
        Declined() {
            super("declined: the transaction rolls back");
        }

        static boolean in(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof Declined) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The business table: one row per token, written in the transaction of the work that enqueued the effect. */
    @Singleton
    public static class Rows {
        @Inject
        AgroalDataSource dataSource;

        void create(@Observes StartupEvent started) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS matrix_row (token VARCHAR(64) PRIMARY KEY)");
            }
        }

        void insert(String token) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                            "INSERT INTO matrix_row (token) VALUES (?)")) {
                statement.setString(1, token);
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean exists(String token) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT COUNT(*) FROM matrix_row WHERE token = ?")) {
                statement.setString(1, token);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return result.getLong(1) > 0;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Singleton
    public static class Effects {
        private final Queue<Run> runs = new ConcurrentLinkedQueue<>();

        @Inject
        Rows rows;

        @AirlockTask
        void effect(String token) {
            runs.add(new Run(token, rowProblem(token)));
        }

        /**
         * Looks for the row from a new transaction, which sees only committed rows: when the effect runs inside the
         * transaction that wrote it, or before that transaction ended, the row is not there yet.
         */
        private String rowProblem(String token) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> rows.exists(token)) ? null
                        : "its row was not committed";
            } catch (RuntimeException e) {
                return "could not look for its row: " + e;
            }
        }

        public boolean ran(String token) {
            return runs.stream().anyMatch(run -> run.token().equals(token));
        }

        /** The effects that ran of the cell whose token this is: by suffix, with what was wrong with their row, sorted. */
        public List<String> runsOf(String token) {
            List<String> ran = new ArrayList<>();
            for (Run run : runs) {
                if (run.token().startsWith(token + "-")) {
                    String suffix = run.token().substring(token.length() + 1);
                    ran.add(run.rowProblem() == null ? suffix : suffix + " (" + run.rowProblem() + ")");
                }
            }
            ran.sort(null);
            return ran;
        }
    }

    /** What every cell's service does: write the row, enqueue, then end the transaction as the cell says. */
    @Singleton
    public static class Work {
        @Inject
        TransactionManager transactions;

        @Inject
        Rows rows;

        @Inject
        Inner inner;

        private void body(Cell cell, String token) {
            if (cell.tx() == Cell.Tx.REQUIRES_NEW_ROLLS_BACK) {
                enqueue(token + "-outer");
                inner.rollingBack(token + "-inner");
                return;
            }
            enqueue(token + "-main");
            if (cell.tx() == Cell.Tx.SET_ROLLBACK_ONLY) {
                markRollbackOnly(transactions);
            }
        }

        void enqueue(String token) {
            rows.insert(token);
            Airlock.enqueue("effect", token);
        }

        String blocking(Cell cell, String token) {
            body(cell, token);
            if (cell.tx() == Cell.Tx.ROLLBACK_BY_EXCEPTION) {
                throw new Declined();
            }
            return token;
        }

        /** Does the work at once, as the call that begins the transaction; the result ends on another thread. */
        Uni<String> uni(Cell cell, String token) {
            body(cell, token);
            Uni<String> later = Uni.createFrom().item(token).onItem().delayIt().by(Duration.ofMillis(5));
            return cell.tx() == Cell.Tx.ROLLBACK_BY_EXCEPTION ? later.onItem().failWith(item -> new Declined())
                    : later;
        }

        CompletionStage<String> stage(Cell cell, String token) {
            return uni(cell, token).subscribeAsCompletionStage();
        }
    }

    static void markRollbackOnly(TransactionManager transactions) {
        try {
            transactions.setRollbackOnly();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ApplicationScoped
    public static class Inner {
        @Inject
        TransactionManager transactions;

        @Inject
        Work work;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void rollingBack(String token) {
            work.enqueue(token);
            markRollbackOnly(transactions);
        }
    }

    /** The cell's service in its four declarations: with or without {@code @Transactional}, {@code @AirlockScope}. */
    public interface Service {
        String blocking(Cell cell, String token);

        Uni<String> uni(Cell cell, String token);

        CompletionStage<String> stage(Cell cell, String token);
    }

    /**
     * The service's work, whatever its declaration: each variant below adds its interceptor bindings on the class, so
     * they apply to the three methods alike.
     */
    public abstract static class Delegating implements Service {
        @Inject
        Work work;

        public String blocking(Cell cell, String token) {
            return work.blocking(cell, token);
        }

        public Uni<String> uni(Cell cell, String token) {
            return work.uni(cell, token);
        }

        public CompletionStage<String> stage(Cell cell, String token) {
            return work.stage(cell, token);
        }
    }

    @ApplicationScoped
    public static class Plain extends Delegating {
    }

    @ApplicationScoped
    @Transactional
    public static class Transactional_ extends Delegating {
    }

    @ApplicationScoped
    @AirlockScope
    public static class Scoped extends Delegating {
    }

    /** Both: {@code @Transactional} is the outer interceptor, the scope ends inside the transaction. */
    @ApplicationScoped
    @Transactional
    @AirlockScope
    public static class ScopedTransactional extends Delegating {
    }

    /** The marker each cell's check waits for: a later unit of work whose transaction commits. */
    @ApplicationScoped
    public static class Markers {
        @Inject
        Work work;

        @Transactional
        public void commit(String token) {
            work.enqueue(token);
        }
    }

    /**
     * Calls the cell's service as a caller would: it catches the failure that rolled the transaction back and goes
     * on, so that every scope around the service call ends successfully. Any other failure reaches the client.
     */
    @Singleton
    public static class Driver {
        @Inject
        Plain plain;

        @Inject
        Transactional_ transactional;

        @Inject
        Scoped scoped;

        @Inject
        ScopedTransactional scopedTransactional;

        @Inject
        @VirtualThreads
        ExecutorService virtualThreads;

        private Service service(Cell cell) {
            boolean tx = cell.tx() != Cell.Tx.NONE;
            if (cell.scope().annotated()) {
                return tx ? scopedTransactional : scoped;
            }
            return tx ? transactional : plain;
        }

        /** Waits for the service's result on this thread, in {@code Airlock.scope(...)} where the cell opens one. */
        public void blocking(Cell cell, String token) throws Exception {
            if (cell.scope().scopeInResource()) {
                Airlock.scope(scope -> awaitService(cell, token));
            } else {
                awaitService(cell, token);
            }
        }

        private void awaitService(Cell cell, String token) throws Exception {
            try {
                switch (cell.method()) {
                    case UNI:
                        service(cell).uni(cell, token).await().atMost(Duration.ofSeconds(10));
                        break;
                    case COMPLETION_STAGE:
                        service(cell).stage(cell, token).toCompletableFuture().get(10, TimeUnit.SECONDS);
                        break;
                    default:
                        service(cell).blocking(cell, token);
                }
            } catch (Exception failure) {
                if (!Declined.in(failure)) {
                    throw failure;
                }
            }
        }

        /** Hands the service's {@code Uni} to the HTTP layer, which subscribes to it and answers when it ends. */
        Uni<String> uni(Cell cell, String token) {
            return service(cell).uni(cell, token).onFailure(Declined::in).recoverWithItem("declined");
        }

        CompletionStage<String> stage(Cell cell, String token) {
            return service(cell).stage(cell, token).handle((result, failure) -> {
                if (failure == null) {
                    return result;
                }
                if (Declined.in(failure)) {
                    return "declined";
                }
                throw new CompletionException(failure);
            });
        }

        /**
         * Runs {@code work} on a virtual thread with {@code context} current, the way Quarkus runs a
         * {@code @RunOnVirtualThread} method, and waits for it. The deployment module compiles for Java 17, where that
         * annotation cannot be used on a method that would run.
         */
        void onVirtualThread(Context context, Callable<Void> work) throws Exception {
            virtualThreads.submit(() -> {
                ContextInternal target = (ContextInternal) context;
                ContextInternal previous = target.beginDispatch();
                try {
                    return work.call();
                } finally {
                    target.endDispatch(previous);
                }
            }).get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * One endpoint per way a resource method returns. Where the resource opens {@code Airlock.scope(...)} it must wait
     * for the service inside it, so those cells all go to the blocking endpoint. The asynchronous endpoints are
     * {@code @Blocking}: Quarkus refuses to begin a JTA transaction on an event-loop thread.
     */
    @Path("/matrix")
    public static class Resource {
        @Inject
        Driver driver;

        @Inject
        Markers markers;

        static String endpoint(Cell cell) {
            if (cell.scope().scopeInResource()) {
                return "/matrix/blocking";
            }
            switch (cell.method()) {
                case UNI:
                    return "/matrix/uni";
                case COMPLETION_STAGE:
                    return "/matrix/stage";
                default:
                    return "/matrix/blocking";
            }
        }

        @POST
        @Path("blocking")
        public String blocking(@QueryParam("cell") String id, @QueryParam("token") String token) throws Exception {
            Cell cell = Cell.of(id);
            if (cell.method() == Cell.MethodKind.VIRTUAL_THREAD) {
                // the request's own duplicated context, as on @RunOnVirtualThread
                driver.onVirtualThread(Vertx.currentContext(), () -> {
                    driver.blocking(cell, token);
                    return null;
                });
            } else {
                driver.blocking(cell, token);
            }
            return "ok";
        }

        @POST
        @Path("uni")
        @Blocking
        public Uni<String> uni(@QueryParam("cell") String id, @QueryParam("token") String token) {
            return driver.uni(Cell.of(id), token).replaceWith("ok");
        }

        @POST
        @Path("stage")
        @Blocking
        public CompletionStage<String> stage(@QueryParam("cell") String id, @QueryParam("token") String token) {
            return driver.stage(Cell.of(id), token).thenApply(result -> "ok");
        }

        /** Where Quarkus runs a method returning {@code Uni} unless told otherwise: on the event loop. */
        @POST
        @Path("uni-on-event-loop")
        public Uni<String> uniOnEventLoop(@QueryParam("cell") String id, @QueryParam("token") String token) {
            return driver.uni(Cell.of(id), token).replaceWith("ok");
        }

        @POST
        @Path("marker")
        public String marker(@QueryParam("token") String token) {
            Airlock.scope(scope -> markers.commit(token));
            return "ok";
        }
    }
}
