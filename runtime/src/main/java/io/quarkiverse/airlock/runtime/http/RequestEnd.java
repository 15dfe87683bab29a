package io.quarkiverse.airlock.runtime.http;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InjectableContext;

/**
 * Tells when the code serving a request is done, for a request whose client left before any response: Quarkus ends
 * the request's CDI request context once that code returns (or its asynchronous result completes), on the thread that
 * ran it, whether a response could be written or not. Created only for such requests, so the lock is off the hot path.
 */
@RequestScoped
public class RequestEnd {

    private Runnable action;
    private boolean ended;

    /**
     * Runs {@code action} when the CDI request context current where the caller runs ends, and returns true; returns
     * false, running nothing, when no request context is active there (a plain Vert.x route, or a request between two
     * asynchronous steps) or it has ended already.
     */
    static boolean whenDone(Runnable action) {
        ArcContainer container = Arc.container();
        if (container == null) {
            return false;
        }
        InjectableContext.ContextState state = container.requestContext().getStateIfActive();
        if (state == null) {
            return false;
        }
        return container.instance(RequestEnd.class).get().holdWhile(state, action);
    }

    /**
     * Holds {@code action} for the end of the request context whose state is {@code state}. A destruction of that
     * state that began while this bean was being created may have missed it, and would never run the action: once the
     * state is no longer valid, the action is handed back (false) unless the destruction took it already.
     */
    boolean holdWhile(InjectableContext.ContextState state, Runnable action) {
        if (!hold(action)) {
            return false;
        }
        return state.isValid() || !release();
    }

    synchronized boolean hold(Runnable action) {
        if (ended) {
            return false;
        }
        this.action = action;
        return true;
    }

    /** Takes the action back, unless the request context has ended and taken it; true when taken back. */
    synchronized boolean release() {
        if (ended) {
            return false;
        }
        action = null;
        return true;
    }

    @PreDestroy
    void requestContextEnded() {
        Runnable pending;
        synchronized (this) {
            ended = true;
            pending = action;
        }
        if (pending != null) {
            pending.run();
        }
    }
}
