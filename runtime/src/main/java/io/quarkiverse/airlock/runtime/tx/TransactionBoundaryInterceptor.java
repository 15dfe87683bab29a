package io.quarkiverse.airlock.runtime.tx;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.TransactionBoundaries;
import io.quarkiverse.airlock.runtime.interceptor.InterceptorPriorities;

/**
 * Makes a {@code @Transactional} method a boundary for the scope around it: what it enqueued into that scope (the
 * HTTP auto-scope, an enclosing {@code @AirlockScope}) is bound to its transaction when the call ends, still inside the
 * transaction, so that a rollback drops it although the scope flushes later. Without a current scope it does nothing.
 * <p>
 * Its priority places it inside {@code @Transactional} (200) and outside {@code @AirlockScope} (300).
 */
@TransactionBoundary
@Interceptor
@Priority(InterceptorPriorities.TRANSACTION_BOUNDARY)
public class TransactionBoundaryInterceptor {

    @AroundInvoke
    Object bind(InvocationContext invocation) throws Exception {
        Scope scope = TransactionBoundaries.current();
        if (scope == null) {
            return invocation.proceed();
        }
        int mark = TransactionBoundaries.mark(scope);
        try {
            return invocation.proceed();
        } finally {
            // normal and exceptional ends alike: the transaction, not the exception, decides (dontRollbackOn...)
            if (TransactionBoundaries.current() == scope) {
                TransactionBoundaries.bind(scope, mark);
            }
        }
    }
}
