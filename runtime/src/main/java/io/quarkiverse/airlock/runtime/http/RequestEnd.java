package io.quarkiverse.airlock.runtime.http;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

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
        if (container == null || !container.requestContext().isActive()) {
            return false;
        }
        return container.instance(RequestEnd.class).get().hold(action);
    }

    synchronized boolean hold(Runnable action) {
        if (ended) {
            return false;
        }
        this.action = action;
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
