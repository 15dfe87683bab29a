package io.quarkiverse.airlock.runtime.interceptor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.runtime.context.Contexts;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs {@code @AirlockScope} methods in a scope. Its priority places it inside {@code @Transactional} (200), so a
 * scope that flushes in a transaction defers its dispatch to the commit, and a rollback drops it.
 * <p>
 * A method returning {@code Uni}, {@code Multi} or {@code CompletionStage} is called at once, as it would be without
 * Airlock (so its body runs inside the transaction {@code @Transactional} began, once per call); its scope stays open
 * on a duplicated context of its own until the result completes, fails or is cancelled.
 */
@AirlockScope
@Interceptor
@Priority(AirlockScopeInterceptor.PRIORITY)
public class AirlockScopeInterceptor {

    /** Runs after (inside) {@code @Transactional} and {@code @ActivateRequestContext}. */
    public static final int PRIORITY = InterceptorPriorities.SCOPE;

    @Inject
    ScopePlans plans;
    @Inject
    Vertx vertx;

    @AroundInvoke
    Object aroundInvoke(InvocationContext invocation) throws Exception {
        ScopePlan plan = plans.of(invocation);
        switch (plan.returnKind()) {
            case UNI:
                try {
                    return ScopedResults.uni(proceedAsync(invocation, plan));
                } catch (Exception failure) {
                    return Uni.createFrom().failure(failure);
                }
            case MULTI:
                try {
                    return ScopedResults.multi(proceedAsync(invocation, plan));
                } catch (Exception failure) {
                    return Multi.createFrom().failure(failure);
                }
            case COMPLETION_STAGE:
                try {
                    return completionStage(proceedAsync(invocation, plan));
                } catch (Exception failure) {
                    return CompletableFuture.failedFuture(failure);
                }
            default:
                return onDuplicatedContext(invocation, plan);
        }
    }

    /**
     * A root context is shared by every request its event loop serves: the scope goes on a fresh duplicated context,
     * made current for the duration of the call (no thread hop).
     */
    private Object onDuplicatedContext(InvocationContext invocation, ScopePlan plan) throws Exception {
        Context current = Vertx.currentContext();
        if (current == null || VertxContext.isDuplicatedContext(current)) {
            return synchronous(invocation, plan);
        }
        Object[] result = new Object[1];
        Exception[] failure = new Exception[1];
        Contexts.runOn(Contexts.fresh(vertx), () -> {
            try {
                result[0] = synchronous(invocation, plan);
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return result[0];
    }

    private static Object synchronous(InvocationContext invocation, ScopePlan plan) throws Exception {
        Scope scope = plan.newScope().enter();
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable failure) {
            ScopeEnding.discardAfter(scope, failure);
            throw failure;
        }
        ScopeEnding.exit(scope);
        if (plan.isError(result)) {
            scope.discard(ErrorResults.describe(result));
        } else {
            scope.flush();
        }
        return result;
    }

    /**
     * Calls the method in its scope, on a context of its own, and returns its asynchronous result wrapped so that the
     * scope ends with it; the wrapper is what {@code @Transactional}, outside this interceptor, sees.
     */
    private ScopedResults.Ending proceedAsync(InvocationContext invocation, ScopePlan plan) throws Exception {
        AsyncScope async = AsyncScope.open(plan, Contexts.fork(vertx));
        Object result = async.call(invocation);
        if (result == null) {
            async.fail(new NullPointerException(invocation.getMethod() + " returned null"));
            throw new NullPointerException("@AirlockScope method " + invocation.getMethod().getDeclaringClass().getName()
                    + "#" + invocation.getMethod().getName() + " returned null instead of a " + plan.returnKind());
        }
        return new ScopedResults.Ending(async, result);
    }

    /** A thrown exception reaches the caller as a failed result, as it always did; the scope is discarded already. */
    private static CompletionStage<Object> completionStage(ScopedResults.Ending ending) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        ((CompletionStage<?>) ending.result()).whenComplete((value, failure) -> {
            if (failure != null) {
                ending.scope().fail(failure);
                outcome.completeExceptionally(failure);
                return;
            }
            Throwable endFailure = ending.scope().complete(value);
            if (endFailure == null) {
                outcome.complete(value);
            } else {
                outcome.completeExceptionally(endFailure);
            }
        });
        return outcome;
    }
}
