package io.quarkiverse.airlock.runtime.interceptor;

import jakarta.interceptor.Interceptor;

/**
 * Where Airlock's interceptors stand among the platform's, outermost first. {@code @Transactional}'s interceptor has
 * {@code PLATFORM_BEFORE + 200}: a higher priority runs inside the transaction it begins.
 */
public final class InterceptorPriorities {

    /**
     * Direct calls to task methods: outside {@code @Transactional} and {@code @AirlockScope}, so a buffered call opens
     * no transaction and no scope.
     */
    public static final int DIRECT_CALL = Interceptor.Priority.PLATFORM_BEFORE + 100;

    /**
     * Transaction boundaries: inside {@code @Transactional}, so the call ends while its transaction is still active,
     * and outside {@code @AirlockScope}, so the scope's own flush comes first.
     */
    public static final int TRANSACTION_BOUNDARY = Interceptor.Priority.PLATFORM_BEFORE + 250;

    /**
     * {@code @AirlockScope}: inside {@code @Transactional} and {@code @ActivateRequestContext}, so a scope that flushes
     * in a transaction defers its dispatch to the commit.
     */
    public static final int SCOPE = Interceptor.Priority.PLATFORM_BEFORE + 300;

    private InterceptorPriorities() {
    }
}
