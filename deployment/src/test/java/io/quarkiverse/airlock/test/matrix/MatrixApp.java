package io.quarkiverse.airlock.test.matrix;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.virtual.threads.VirtualThreads;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/** The application every column of the composition matrix runs: one per executor, the same code. */
public final class MatrixApp {

    private MatrixApp() {
    }

    static QuarkusUnitTest with(String database) {
        return new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(Cell.class, Cell.ScopeKind.class, Cell.Tx.class,
                        Cell.MethodKind.class, MatrixApp.class, Effects.class, Work.class, Inner.class, Plain.class,
                        Transactional_.class, Scoped.class, ScopedTransactional.class, Driver.class, Resource.class,
                        MatrixSupport.class))
                .overrideConfigKey("quarkus.http.test-port", "0")
                .overrideConfigKey("quarkus.airlock.http.auto-scope", "true")
                .overrideConfigKey("quarkus.datasource.db-kind", "h2")
                .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")
                .overrideConfigKey("quarkus.datasource.devservices.enabled", "false");
    }

    @Singleton
    public static class Effects {
        final List<String> ran = new CopyOnWriteArrayList<>();

        @AirlockTask
        void effect(String token) {
            ran.add(token);
        }
    }

    /** What every cell's business method does: enqueue, then end its transaction as the cell says. */
    @Singleton
    public static class Work {
        @Inject
        TransactionManager transactions;

        @Inject
        Inner inner;

        void body(Cell cell, String token) {
            if (cell.tx() == Cell.Tx.REQUIRES_NEW_ROLLS_BACK) {
                Airlock.enqueue("effect", token + "-outer");
                inner.rollingBack(token + "-inner");
                return;
            }
            Airlock.enqueue("effect", token + "-main");
            if (cell.tx() == Cell.Tx.SET_ROLLBACK_ONLY) {
                try {
                    transactions.setRollbackOnly();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        boolean throwsAfterwards(Cell cell) {
            return cell.tx() == Cell.Tx.ROLLBACK_BY_EXCEPTION;
        }

        String blocking(Cell cell, String token) {
            body(cell, token);
            if (throwsAfterwards(cell)) {
                throw new IllegalStateException("declined");
            }
            return token;
        }

        Uni<String> uni(Cell cell, String token) {
            body(cell, token);
            Uni<String> later = Uni.createFrom().item(token).onItem().delayIt().by(Duration.ofMillis(5));
            return throwsAfterwards(cell) ? later.onItem().failWith(item -> new IllegalStateException("declined"))
                    : later;
        }

        CompletionStage<String> stage(Cell cell, String token) {
            return uni(cell, token).subscribeAsCompletionStage();
        }
    }

    @ApplicationScoped
    public static class Inner {
        @Inject
        TransactionManager transactions;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void rollingBack(String token) {
            Airlock.enqueue("effect", token);
            try {
                transactions.setRollbackOnly();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @ApplicationScoped
    public static class Plain {
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
    public static class Transactional_ {
        @Inject
        Work work;

        @Transactional
        public String blocking(Cell cell, String token) {
            return work.blocking(cell, token);
        }

        @Transactional
        public Uni<String> uni(Cell cell, String token) {
            return work.uni(cell, token);
        }

        @Transactional
        public CompletionStage<String> stage(Cell cell, String token) {
            return work.stage(cell, token);
        }
    }

    @ApplicationScoped
    public static class Scoped {
        @Inject
        Work work;

        @AirlockScope
        public String blocking(Cell cell, String token) {
            return work.blocking(cell, token);
        }

        @AirlockScope
        public Uni<String> uni(Cell cell, String token) {
            return work.uni(cell, token);
        }

        @AirlockScope
        public CompletionStage<String> stage(Cell cell, String token) {
            return work.stage(cell, token);
        }
    }

    @ApplicationScoped
    public static class ScopedTransactional {
        @Inject
        Work work;

        @Transactional
        @AirlockScope
        public String blocking(Cell cell, String token) {
            return work.blocking(cell, token);
        }

        @Transactional
        @AirlockScope
        public Uni<String> uni(Cell cell, String token) {
            return work.uni(cell, token);
        }

        @Transactional
        @AirlockScope
        public CompletionStage<String> stage(Cell cell, String token) {
            return work.stage(cell, token);
        }
    }

    /** Calls the cell's service the way a caller would, and goes on whatever it threw: the enclosing scope flushes. */
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

        public void call(Cell cell, String token) {
            boolean tx = cell.tx() != Cell.Tx.NONE;
            try {
                if (cell.scope().annotated()) {
                    switch (cell.method()) {
                        case BLOCKING:
                        case VIRTUAL_THREAD:
                            if (tx) {
                                scopedTransactional.blocking(cell, token);
                            } else {
                                scoped.blocking(cell, token);
                            }
                            break;
                        case UNI:
                            (tx ? scopedTransactional.uni(cell, token) : scoped.uni(cell, token)).await()
                                    .atMost(Duration.ofSeconds(10));
                            break;
                        default:
                            (tx ? scopedTransactional.stage(cell, token) : scoped.stage(cell, token))
                                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
                    }
                } else {
                    switch (cell.method()) {
                        case BLOCKING:
                        case VIRTUAL_THREAD:
                            if (tx) {
                                transactional.blocking(cell, token);
                            } else {
                                plain.blocking(cell, token);
                            }
                            break;
                        case UNI:
                            (tx ? transactional.uni(cell, token) : plain.uni(cell, token)).await()
                                    .atMost(Duration.ofSeconds(10));
                            break;
                        default:
                            (tx ? transactional.stage(cell, token) : plain.stage(cell, token)).toCompletableFuture()
                                    .get(10, TimeUnit.SECONDS);
                    }
                }
            } catch (Exception expected) {
                // a transaction that rolled back by exception: the unit of work around it goes on
            }
        }

        @Inject
        @VirtualThreads
        ExecutorService virtualThreads;

        @Inject
        Vertx vertx;

        /** The cell as the test thread runs it: the scope kinds that need no HTTP request. */
        public void run(Cell cell, String token) throws Exception {
            if (cell.method() == Cell.MethodKind.VIRTUAL_THREAD) {
                onVirtualThread(VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext()), () -> {
                    runHere(cell, token);
                    return null;
                });
            } else {
                runHere(cell, token);
            }
        }

        private void runHere(Cell cell, String token) throws Exception {
            switch (cell.scope()) {
                case AIRLOCK_SCOPE:
                case OUTER_AIRLOCK_SCOPE:
                    Airlock.scope(scope -> call(cell, token));
                    break;
                default:
                    call(cell, token);
            }
        }

        /**
         * Runs {@code work} on a virtual thread with {@code context} current, the way Quarkus runs a
         * {@code @RunOnVirtualThread} method, and waits for it.
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

    @Path("/matrix")
    public static class Resource {
        @Inject
        Driver driver;

        @POST
        public String run(@QueryParam("cell") String cell, @QueryParam("token") String token) throws Exception {
            Cell of = Cell.of(cell);
            if (of.method() == Cell.MethodKind.VIRTUAL_THREAD) {
                // the request's own duplicated context, as on @RunOnVirtualThread
                driver.onVirtualThread(Vertx.currentContext(), () -> {
                    driver.call(of, token);
                    return null;
                });
            } else {
                driver.call(of, token);
            }
            return "ok";
        }
    }
}
