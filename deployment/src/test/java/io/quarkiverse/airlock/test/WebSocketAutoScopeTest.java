package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.NoScopeException;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.ext.web.Router;

/**
 * The HTTP auto-scope and WebSockets: a handshake's connection lasts as long as its socket, so the handshake gets no
 * scope (one would stay open with the socket and be discarded at its close), and the requests around it are scoped as
 * ever.
 */
public class WebSocketAutoScopeTest extends HttpClientTest {

    @RegisterExtension
    static final QuarkusUnitTest config = autoScopedApplication(EchoSocket.class, Resource.class);

    @Inject
    EchoSocket echo;

    @Test
    void anOpenSocketHoldsNoScopeWhileRequestsAroundItFlush() throws Exception {
        WebSocketClient sockets = vertx.createWebSocketClient();
        HttpClient http = vertx.createHttpClient();
        try {
            WebSocket socket = sockets.connect(root.getPort(), root.getHost(), "/echo")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            CompletableFuture<String> echoed = new CompletableFuture<>();
            socket.textMessageHandler(echoed::complete);
            socket.writeTextMessage("hello");
            assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo("hello");

            assertThat(echo.handshake.get(10, TimeUnit.SECONDS))
                    .as("what an enqueue met during the handshake").isInstanceOf(NoScopeException.class);
            assertThat(Airlock.openScopes()).as("scopes open while the socket is").isZero();

            // a request served while the socket is open is scoped, and flushes with its response
            HttpClientResponse response = http.request(HttpMethod.GET, root.getPort(), root.getHost(), "/plain")
                    .compose(request -> request.send())
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(handlers.calls).containsExactly("plain");

            socket.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            sockets.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            http.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** A Vert.x Web route upgrading to a WebSocket that echoes text, as WebSocket extensions do underneath. */
    @Singleton
    public static class EchoSocket {

        /** What enqueueing during the handshake met: null when it was buffered in a scope. */
        final CompletableFuture<Throwable> handshake = new CompletableFuture<>();

        void route(@Observes Router router) {
            router.get("/echo").handler(routing -> {
                try {
                    Airlock.enqueue("record", "handshake");
                    handshake.complete(null);
                } catch (RuntimeException e) {
                    handshake.complete(e);
                }
                routing.request().toWebSocket()
                        .onSuccess(socket -> socket.textMessageHandler(socket::writeTextMessage))
                        .onFailure(routing::fail);
            });
        }
    }

    @Path("/plain")
    public static class Resource {

        @Inject
        Recorder handlers;

        @GET
        public String plain() {
            handlers.enqueue("plain");
            return "done";
        }
    }
}
