package io.quarkiverse.airlock.runtime.http;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import jakarta.enterprise.context.ContextNotActiveException;

import org.jboss.logging.Logger;

import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.runtime.context.Contexts;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.ScopeState;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;

/**
 * Opens a scope for each HTTP request on the request's duplicated context. The status is known when the response
 * headers are about to be written: below 400 the scope flushes, so the side effects run before the client hears of
 * success; otherwise, and when the connection ends without a response, it is discarded. A response streamed in chunks
 * ends its scope with its last chunk instead, and a connection that ends before then discards it.
 */
final class RequestScopeHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.airlock");

    /** The status a scope ends with when the connection closed before any response. */
    private static final int NO_RESPONSE = -1;

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
        HttpServerRequest request = routing.request();
        if (isNonApplication(request.path()) || isWebSocketHandshake(request)) {
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
        ScopeState current = AirlockHooks.scopes().current();
        if (current != null && current.scope() instanceof RequestScope) {
            // a reroute runs the filters again on the same request, which keeps its scope; Vert.x Web dropped the
            // request's headers-end handlers, so the scope asks again to end with the response
            routing.addHeadersEndHandler((RequestScope) current.scope());
            routing.next();
            return;
        }
        RequestScope scope = new RequestScope(routing, context);
        scope.enter();
        routing.addHeadersEndHandler(scope);
        // after enter: a connection closed already reports at once, and the scope it ends must be open
        scope.watchConnection();
        routing.next();
    }

    /**
     * A WebSocket handshake is not a unit of work that ends with its response: its 101 never passes the response's
     * headers-end handler, and the connection it opens lasts as long as the socket. A scope for it would stay open
     * that long and be discarded at the close, so it gets none, and code enqueueing during the handshake is told so.
     * Only HTTP/1.1 upgrades to a WebSocket (Vert.x serves none over HTTP/2), which keeps the header lookup off HTTP/2.
     */
    private static boolean isWebSocketHandshake(HttpServerRequest request) {
        return request.version() != HttpVersion.HTTP_2
                && request.headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true);
    }

    private boolean isNonApplication(String path) {
        return nonApplicationPrefix != null && path != null
                && (path.startsWith(nonApplicationPrefix)
                        || path.length() == nonApplicationPrefix.length() - 1 && nonApplicationPrefix.startsWith(path));
    }

    /**
     * The scope of one request, the handler told when its response headers are about to be written, and the
     * listener told when its HTTP/1 connection closes: one object for all three, as every request opens one.
     */
    private static final class RequestScope extends Scope implements Handler<Void>, GenericFutureListener<Future<Void>> {

        private static final AtomicIntegerFieldUpdater<RequestScope> ENDED = AtomicIntegerFieldUpdater
                .newUpdater(RequestScope.class, "ended");

        private final RoutingContext routing;
        private final Context context;
        /** The HTTP/1 connection watched for a close before the response; null when the routing context watches. */
        private final Channel channel;
        private volatile int ended;
        private volatile boolean clientGone;
        /** The headers went out with a body still to stream: the request's work goes on until its last chunk. */
        private volatile boolean streaming;

        RequestScope(RoutingContext routing, Context context) {
            this.routing = routing;
            this.context = context;
            HttpServerRequest request = routing.request();
            this.channel = http1Channel(request);
            withOrigin(request.method().name() + " " + request.path());
        }

        /**
         * An HTTP/1 connection serves one request at a time, so its close is the end of this request's exchange:
         * the scope listens on the channel itself, and stops listening when the response starts. This costs less
         * than the routing context's end handlers, which build a list and set three handlers on the response for
         * every request. An HTTP/2 stream can end while its connection serves others: it keeps those handlers.
         */
        private static Channel http1Channel(HttpServerRequest request) {
            if (request.version() == HttpVersion.HTTP_2) {
                return null;
            }
            HttpConnection connection = request.connection();
            return connection instanceof ConnectionBase ? ((ConnectionBase) connection).channel() : null;
        }

        void watchConnection() {
            if (channel != null) {
                channel.closeFuture().addListener(this);
            } else {
                routing.addEndHandler(ignored -> connectionEnded());
            }
        }

        @Override
        public void handle(Void headersEnd) {
            if (!clientGone && routing.response().isChunked()) {
                // a streamed body (server-sent events, a Multi, chunks): the request's work goes on after the headers,
                // and what it enqueues meanwhile belongs to this scope, so it ends with the last chunk
                streaming = true;
                routing.addBodyEndHandler(ignored -> responseEnded());
                return;
            }
            responseEnded();
        }

        private void responseEnded() {
            if (channel != null) {
                // a keep-alive connection outlives the request: leave nothing on it
                channel.closeFuture().removeListener(this);
            }
            end(clientGone ? NO_RESPONSE : routing.response().getStatusCode());
        }

        @Override
        public void operationComplete(Future<Void> channelClosed) {
            connectionEnded();
        }

        /**
         * The connection ended. After a response, the scope has ended already. Before one, the code serving the
         * request may still run in the scope, on another thread: ending the scope now would take it from under that
         * code, which would find no scope at its next enqueue. The scope is discarded once that code is done, when
         * the request's CDI request context ends; without one, now. During a streamed body, the code producing it
         * learns of the close from its next write, and a reactive stream is cancelled: discarded now (Quarkus REST
         * keeps the request context of a cancelled stream, so waiting for it could keep the scope open for good).
         */
        void connectionEnded() {
            if (ended != 0) {
                return;
            }
            clientGone = true;
            if (streaming) {
                end(NO_RESPONSE);
                return;
            }
            boolean[] deferred = new boolean[1];
            try {
                Contexts.runOn(context, () -> deferred[0] = RequestEnd.whenDone(() -> end(NO_RESPONSE)));
            } catch (ContextNotActiveException e) {
                // the request context ended meanwhile: the code is done
            }
            if (!deferred[0]) {
                end(NO_RESPONSE);
            }
        }

        /** Ends the scope with the response's status, or {@link #NO_RESPONSE}: flushed below 400, else discarded. */
        void end(int status) {
            if (!ENDED.compareAndSet(this, 0, 1)) {
                return;
            }
            Contexts.runOn(context, () -> {
                exit();
                if (status == NO_RESPONSE || status >= 400) {
                    // the reason is only spelled out for a discard: a successful request pays for no string
                    discard(status == NO_RESPONSE ? "the connection ended without a response"
                            : "responded HTTP " + status);
                    return;
                }
                try {
                    flush();
                } catch (RuntimeException | Error failure) {
                    LOG.errorf(failure, "Airlock: dispatching the side effects of a successful request failed: %s",
                            intents());
                }
            });
        }
    }
}
