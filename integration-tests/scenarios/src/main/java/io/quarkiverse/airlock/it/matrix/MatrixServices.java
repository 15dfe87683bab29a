package io.quarkiverse.airlock.it.matrix;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;

/**
 * Calls the service of a composition-matrix cell as its scope kind says, on the caller's thread: the caller is the
 * {@code @RunOnVirtualThread} endpoint. The scope kinds and transaction endings are named as in the published table.
 */
@ApplicationScoped
public class MatrixServices {

    /** The failure that rolls the transaction back; the caller catches it so that the scopes around it flush. */
    static final class Declined extends RuntimeException {
        Declined() {
            super("declined: the transaction rolls back");
        }
    }

    @Inject
    @Any
    Instance<Declaration> declarations;

    public void run(String scopeKind, String tx, String token) {
        boolean scopeInResource = scopeKind.equals("AIRLOCK_SCOPE") || scopeKind.equals("OUTER_AIRLOCK_SCOPE");
        boolean annotated = scopeKind.equals("SCOPE_ANNOTATION") || scopeKind.equals("ANNOTATION_IN_AUTO_SCOPE")
                || scopeKind.equals("OUTER_AIRLOCK_SCOPE");
        boolean transaction = !tx.equals("NONE");
        Runnable call = () -> {
            try {
                declarations.select(declaration(annotated, transaction)).get().work(tx, token);
            } catch (Declined expected) {
                // the unit of work around the rolled back transaction goes on
            }
        };
        if (scopeInResource) {
            Airlock.scope(scope -> call.run());
        } else {
            call.run();
        }
    }

    private static Class<? extends Declaration> declaration(boolean annotated, boolean transaction) {
        if (annotated) {
            return transaction ? ScopedTransactional.class : Scoped.class;
        }
        return transaction ? Transactional_.class : Plain.class;
    }

    /** The cell's service in its four declarations, each adding its interceptor bindings on the class. */
    public abstract static class Declaration {
        @Inject
        Work work;

        public void work(String tx, String token) {
            work.body(tx, token);
        }
    }

    @ApplicationScoped
    public static class Plain extends Declaration {
    }

    @ApplicationScoped
    @AirlockScope
    public static class Scoped extends Declaration {
    }

    @ApplicationScoped
    @Transactional
    public static class Transactional_ extends Declaration {
    }

    /** Both: {@code @Transactional} is the outer interceptor, the scope ends inside the transaction. */
    @ApplicationScoped
    @Transactional
    @AirlockScope
    public static class ScopedTransactional extends Declaration {
    }

    /** Writes the row, enqueues, then ends the transaction as the cell says. */
    @ApplicationScoped
    public static class Work {
        @Inject
        MatrixEffects effects;

        @Inject
        Inner inner;

        @Inject
        TransactionManager transactions;

        void body(String tx, String token) {
            switch (tx) {
                case "REQUIRES_NEW_ROLLS_BACK":
                    effects.enqueue(token + "-outer");
                    inner.rollingBack(token + "-inner");
                    return;
                case "ROLLBACK_BY_EXCEPTION":
                    effects.enqueue(token + "-main");
                    throw new Declined();
                case "SET_ROLLBACK_ONLY":
                    effects.enqueue(token + "-main");
                    rollbackOnly(transactions);
                    return;
                default:
                    effects.enqueue(token + "-main");
            }
        }
    }

    @ApplicationScoped
    public static class Inner {
        @Inject
        MatrixEffects effects;

        @Inject
        TransactionManager transactions;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void rollingBack(String token) {
            effects.enqueue(token);
            rollbackOnly(transactions);
        }
    }

    /** The marker a cell's check waits for: a later request whose transaction commits. */
    @ApplicationScoped
    public static class Markers {
        @Inject
        MatrixEffects effects;

        @Transactional
        public void commit(String token) {
            effects.enqueue(token);
        }
    }

    static void rollbackOnly(TransactionManager transactions) {
        try {
            transactions.setRollbackOnly();
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
