package io.quarkiverse.airlock.runtime.http;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.runtime.context.Contexts;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Opens a scope for each HTTP request on the request's duplicated context. The status is known when the response
 * headers are about to be written: below 400 the scope flushes, so the side effects run before the client hears of
 * success; otherwise, and when the connection ends without a response, it is discarded.
 */
final class RequestScopeHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.airlock");

    /** Marks a request that already has its scope: a reroute runs the filters again on the same request. */
    private static final String SCOPED = RequestScopeHandler.class.getName();

    private final String nonApplicationPrefix;

    /**
     * @param nonApplicationPrefix where Quarkus serves its own endpoints (Dev UI, health, metrics), such as {@code /q/},
     *        or null when they share the application's paths; those requests get no scope
     */
    RequestScopeHandler(String nonApplicationPrefix) {
        this.nonApplicationPrefix = nonApplicationPrefix;
    }

    @Override
    public void handle(RoutingContext routing) {
        if (routing.get(SCOPED) != null || isNonApplication(routing.request().path())) {
            routing.next();
            return;
        }
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            // Quarkus serves every request on its own duplicated context; anything else would leak between requests
            LOG.debugf("No duplicated context for %s %s: no request scope", routing.request().method(),
                    routing.request().path());
            routing.next();
            return;
        }
        RequestScope scope = new RequestScope(context, routing.request().method().name() + " " + routing.request().path());
        routing.addHeadersEndHandler(ignored -> {
            int status = routing.response().getStatusCode();
            scope.end(status < 400, "responded HTTP " + status);
        });
        routing.addEndHandler(ignored -> scope.end(false, "the connection ended without a response"));
        routing.put(SCOPED, Boolean.TRUE);
        scope.begin();
        routing.next();
    }

    private boolean isNonApplication(String path) {
        return nonApplicationPrefix != null && path != null
                && (path.startsWith(nonApplicationPrefix)
                        || path.length() == nonApplicationPrefix.length() - 1 && nonApplicationPrefix.startsWith(path));
    }

    private static final class RequestScope {

        private final Scope scope;
        private final Context context;
        private final AtomicBoolean ended = new AtomicBoolean();

        RequestScope(Context context, String origin) {
            this.context = context;
            this.scope = new Scope().withOrigin(origin);
        }

        void begin() {
            scope.enter();
        }

        void end(boolean success, String outcome) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            Contexts.runOn(context, () -> {
                scope.exit();
                if (!success) {
                    scope.discard(outcome);
                    return;
                }
                try {
                    scope.flush();
                } catch (RuntimeException | Error failure) {
                    LOG.errorf(failure, "Airlock: dispatching the side effects of a successful request failed: %s",
                            scope.intents());
                }
            });
        }
    }
}
