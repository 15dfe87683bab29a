package io.quarkiverse.airlock.runtime.interceptor;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.airlock.Airlock;

/**
 * Migration aid, bound only when {@code quarkus.airlock.intercept-direct-calls=true}: a direct call to an
 * {@code @AirlockTask} method made inside a scope is enqueued as an intent of that scope instead of running, with a
 * warning naming the call site; outside a scope it runs as before. Airlock's own dispatch passes straight through.
 * <p>
 * Outermost among the platform interceptors (before {@code @Transactional} and {@code @AirlockScope}), so a buffered
 * call opens no transaction and no scope.
 */
@DirectTaskCall
@Interceptor
@Priority(InterceptorPriorities.DIRECT_CALL)
public class DirectCallInterceptor {

    @AroundInvoke
    Object intercept(InvocationContext invocation) throws Exception {
        if (DirectCalls.admitDispatch() || Airlock.currentScope().isEmpty()) {
            return invocation.proceed();
        }
        String task = invocation.getInterceptorBinding(DirectTaskCall.class).value();
        Class<?> returnType = invocation.getMethod().getReturnType();
        if (returnType != void.class) {
            // the caller uses the result, which a buffered intent cannot give (asynchronous results are not allowed
            // on handlers, so there is nothing to complete later)
            DirectCalls.notBuffered(task, DirectCalls.callSite(), returnType);
            return invocation.proceed();
        }
        Airlock.enqueue(task, invocation.getParameters());
        DirectCalls.buffered(task, DirectCalls.callSite());
        return null;
    }
}
