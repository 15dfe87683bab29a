package io.quarkiverse.airlock.runtime.interceptor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.runtime.context.Contexts;
import io.quarkiverse.airlock.runtime.context.ScopeHolders;
import io.quarkiverse.airlock.runtime.context.ScopeState;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs {@code @AirlockScope} methods in a scope. Its priority places it inside {@code @Transactional} (200), so a
 * scope that flushes in a transaction defers its dispatch to the commit, and a rollback drops it.
 */
@AirlockScope
@Interceptor
@Priority(AirlockScopeInterceptor.PRIORITY)
public class AirlockScopeInterceptor {

    /** Runs after (inside) {@code @Transactional} and {@code @ActivateRequestContext}. */
    public static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 300;

    private final ScopePlans plans;
    private final Vertx vertx;

    public AirlockScopeInterceptor(ScopePlans plans, Vertx vertx) {
        this.plans = plans;
        this.vertx = vertx;
    }

    @AroundInvoke
    Object aroundInvoke(InvocationContext invocation) throws Exception {
        ScopePlan plan = plans.of(invocation);
        switch (plan.returnKind()) {
            case UNI:
                return uni(invocation, plan);
            case MULTI:
                return multi(invocation, plan);
            case COMPLETION_STAGE:
                return completionStage(invocation, plan);
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
            scope.exit();
            scope.discard("threw " + failure);
            throw failure;
        }
        scope.exit();
        if (ErrorResults.isError(result)) {
            scope.discard(ErrorResults.describe(result));
        } else {
            scope.flush();
        }
        return result;
    }

    private Uni<Object> uni(InvocationContext invocation, ScopePlan plan) {
        return Uni.createFrom().emitter(emitter -> {
            AsyncScope async = AsyncScope.open(plan, Contexts.duplicatedContext(vertx));
            async.run(() -> {
                Uni<?> result;
                try {
                    result = (Uni<?>) invocation.proceed();
                } catch (Throwable failure) {
                    async.fail(failure);
                    emitter.fail(failure);
                    return;
                }
                Cancellable subscription = result.subscribe().with(item -> {
                    Throwable flushFailure = async.complete(item);
                    if (flushFailure == null) {
                        emitter.complete(item);
                    } else {
                        emitter.fail(flushFailure);
                    }
                }, failure -> {
                    async.fail(failure);
                    emitter.fail(failure);
                });
                emitter.onTermination(() -> {
                    if (async.cancel()) {
                        subscription.cancel();
                    }
                });
            });
        });
    }

    private Multi<Object> multi(InvocationContext invocation, ScopePlan plan) {
        return Multi.createFrom().emitter(emitter -> {
            AsyncScope async = AsyncScope.open(plan, Contexts.duplicatedContext(vertx));
            async.run(() -> {
                Multi<?> result;
                try {
                    result = (Multi<?>) invocation.proceed();
                } catch (Throwable failure) {
                    async.fail(failure);
                    emitter.fail(failure);
                    return;
                }
                Cancellable subscription = result.subscribe().with(emitter::emit, failure -> {
                    async.fail(failure);
                    emitter.fail(failure);
                }, () -> {
                    Throwable flushFailure = async.complete(null);
                    if (flushFailure == null) {
                        emitter.complete();
                    } else {
                        emitter.fail(flushFailure);
                    }
                });
                emitter.onTermination(() -> {
                    if (async.cancel()) {
                        subscription.cancel();
                    }
                });
            });
        });
    }

    private CompletionStage<Object> completionStage(InvocationContext invocation, ScopePlan plan) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        AsyncScope async = AsyncScope.open(plan, Contexts.duplicatedContext(vertx));
        async.run(() -> {
            CompletionStage<?> result;
            try {
                result = (CompletionStage<?>) invocation.proceed();
            } catch (Throwable failure) {
                async.fail(failure);
                outcome.completeExceptionally(failure);
                return;
            }
            result.whenComplete((value, failure) -> {
                if (failure != null) {
                    async.fail(failure);
                    outcome.completeExceptionally(failure);
                    return;
                }
                Throwable flushFailure = async.complete(value);
                if (flushFailure == null) {
                    outcome.complete(value);
                } else {
                    outcome.completeExceptionally(flushFailure);
                }
            });
        });
        return outcome;
    }

    /**
     * A scope that stays current on one duplicated context until an asynchronous result completes, whichever thread
     * that happens on. It ends exactly once: completion, failure and cancellation race.
     */
    private static final class AsyncScope {

        private final Scope scope;
        private final Context context;
        private final AtomicBoolean ended = new AtomicBoolean();

        private AsyncScope(Scope scope, Context context) {
            this.scope = scope;
            this.context = context;
        }

        /** State the caller had on its own thread, lent to a fresh context so the new scope nests in it. */
        private ScopeState lent;

        static AsyncScope open(ScopePlan plan, Context context) {
            AsyncScope async = new AsyncScope(plan.newScope(), context);
            ScopeState caller = Vertx.currentContext() == context ? null : ScopeHolders.get().current();
            Contexts.runOn(context, () -> {
                ScopeState here = ScopeHolders.get().currentOrCreate();
                if (caller != null && here.isEmpty() && !caller.isEmpty()) {
                    // the caller is off any duplicated context: its scope and local policies enclose this one
                    here.scope(caller.scope());
                    here.localPolicies(caller.localPolicies());
                    async.lent = here;
                }
                async.scope.enter();
            });
            return async;
        }

        /** Gives back what {@link #open} lent, once the scope has exited on its context. */
        private void returnLent() {
            if (lent != null) {
                lent.scope(null);
                lent.localPolicies(java.util.List.of());
                ScopeHolders.get().released(lent);
                lent = null;
            }
        }

        void run(Runnable action) {
            Contexts.runOn(context, action);
        }

        /** Flushes, or discards for an HTTP error result; returns what the flush threw. */
        Throwable complete(Object result) {
            if (!ended.compareAndSet(false, true)) {
                return null;
            }
            Throwable[] flushFailure = new Throwable[1];
            Contexts.runOn(context, () -> {
                scope.exit();
                returnLent();
                if (ErrorResults.isError(result)) {
                    scope.discard(ErrorResults.describe(result));
                    return;
                }
                try {
                    scope.flush();
                } catch (Throwable failure) {
                    flushFailure[0] = failure;
                }
            });
            return flushFailure[0];
        }

        void fail(Throwable failure) {
            discard("failed with " + failure);
        }

        /** Discards on cancellation; true when this call ended the scope. */
        boolean cancel() {
            return discard("cancelled");
        }

        private boolean discard(String reason) {
            if (!ended.compareAndSet(false, true)) {
                return false;
            }
            Contexts.runOn(context, () -> {
                scope.exit();
                returnLent();
                scope.discard(reason);
            });
            return true;
        }
    }
}
