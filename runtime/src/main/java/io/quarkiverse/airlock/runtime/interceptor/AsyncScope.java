package io.quarkiverse.airlock.runtime.interceptor;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.runtime.context.Contexts;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.DispatchDeferral;
import io.quarkiverse.airlock.spi.ScopeState;
import io.quarkiverse.airlock.spi.TransactionOutcome;
import io.vertx.core.Context;

/**
 * The scope of an {@code @AirlockScope} method whose result is asynchronous: current on a duplicated context of its
 * own from the call until the result completes, whichever thread that happens on, and nested in the scope the caller
 * had. It remembers the transaction the method was called in, which is no longer associated with the thread that
 * ends the scope, and flushes inside it. It ends exactly once: completion, failure and cancellation race.
 */
final class AsyncScope {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.airlock");

    private final ScopePlan plan;
    private final Scope enclosing;
    private final List<Policy> localPolicies;
    private final Scope scope;
    private final Context context;
    private final Object transaction;
    private final AtomicBoolean ended = new AtomicBoolean();

    private AsyncScope(ScopePlan plan, Scope enclosing, List<Policy> localPolicies, Context context,
            Object transaction) {
        this.plan = plan;
        this.enclosing = enclosing;
        this.localPolicies = localPolicies;
        this.scope = plan.newScope();
        this.context = context;
        this.transaction = transaction;
    }

    /** Enters a new scope on {@code context}, nested in the caller's current scope and local policies. */
    static AsyncScope open(ScopePlan plan, Context context) {
        ScopeState caller = AirlockHooks.scopes().current();
        DispatchDeferral deferral = AirlockHooks.deferral();
        return new AsyncScope(plan, caller == null ? null : caller.scope(),
                caller == null ? List.of() : caller.localPolicies(), context,
                deferral == null ? null : deferral.currentTransaction()).enter();
    }

    /**
     * A fresh scope for a later subscription to the same result (a retry): the method ran once, but what its result
     * does on each subscription is a unit of work of its own, nested where the first one was.
     */
    AsyncScope again() {
        return new AsyncScope(plan, enclosing, localPolicies, Contexts.fork(context), transaction).enter();
    }

    private AsyncScope enter() {
        Contexts.runOn(context, () -> {
            ScopeState here = AirlockHooks.scopes().currentOrCreate();
            here.scope(enclosing);
            here.localPolicies(localPolicies);
            scope.enter();
        });
        return this;
    }

    /** Calls the method on the scope's context; a failure ends the scope before it is rethrown. */
    Object call(InvocationContext invocation) throws Exception {
        Object[] result = new Object[1];
        Exception[] failure = new Exception[1];
        Contexts.runOn(context, () -> {
            try {
                result[0] = invocation.proceed();
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            fail(failure[0]);
            throw failure[0];
        }
        return result[0];
    }

    void run(Runnable action) {
        Contexts.runOn(context, action);
    }

    /** Flushes, or discards for an HTTP error result; returns what ending the scope threw, for the subscriber. */
    Throwable complete(Object result) {
        if (!ended.compareAndSet(false, true)) {
            return null;
        }
        Throwable[] endFailure = new Throwable[1];
        Contexts.runOn(context, () -> {
            try {
                ScopeEnding.exit(scope);
                if (ErrorResults.isError(result)) {
                    scope.discard(ErrorResults.describe(result));
                } else {
                    flushInTransaction();
                }
            } catch (Throwable failure) {
                endFailure[0] = failure;
            }
        });
        return endFailure[0];
    }

    private void flushInTransaction() {
        DispatchDeferral deferral = AirlockHooks.deferral();
        if (transaction == null || deferral == null) {
            scope.flush();
            return;
        }
        TransactionOutcome outcome = deferral.runIn(transaction, scope::flush);
        if (outcome == TransactionOutcome.ROLLED_BACK) {
            scope.discard("its transaction rolled back");
        } else if (outcome == TransactionOutcome.UNKNOWN) {
            for (Intent intent : scope.intents()) {
                LOG.warnf("Airlock did not dispatch %s: the transaction of %s ended neither committed nor rolled back,"
                        + " so whether its data was committed is unknown; run it again by hand if it was", intent,
                        scope.origin().orElse("its scope"));
            }
            scope.discard("its transaction ended with an unknown outcome");
        }
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
            try {
                ScopeEnding.exit(scope);
            } finally {
                if (!scope.isDiscarded()) {
                    scope.discard(reason);
                }
            }
        });
        return true;
    }
}
