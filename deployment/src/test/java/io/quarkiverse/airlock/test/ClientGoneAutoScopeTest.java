package io.quarkiverse.airlock.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The HTTP auto-scope of a request whose client goes away while the endpoint still runs. A blocking endpoint keeps its
 * scope and runs to its end undisturbed; nothing the request expressed escapes, before or after the client left; no
 * scope stays open. (Quarkus REST cancels the pending result of an asynchronous endpoint when its client leaves.)
 */
public class ClientGoneAutoScopeTest extends HttpClientTest {

    @RegisterExtension
    static final QuarkusUnitTest config = autoScopedApplication(Resource.class, EndpointGate.class, Nested.class);

    @Inject
    EndpointGate gate;

    @BeforeEach
    void closedGate() {
        gate.reset();
    }

    @Test
    void theEndpointKeepsItsScopeAndNothingEscapes() throws Exception {
        leaveWhileServing("/client-gone/blocking");

        assertThat(gate.failure).as("what the endpoint's code met after the client left").isNull();
        assertThat(handlers.enqueued).containsExactly("before the client left", "after the client left");
        assertThat(handlers.scopes).as("one request, one scope, before and after").hasSize(2)
                .allSatisfy(scope -> assertThat(scope).isSameAs(handlers.scopes.get(0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> Airlock.openScopes() == 0);
        assertThat(handlers.scopes.get(0).isDiscarded()).as("the request's scope").isTrue();
        assertThat(handlers.calls).as("side effects of a request without a response").isEmpty();
    }

    @Test
    void aNestedScopeOpenedAfterTheClientLeftIsCapturedAndDiscarded() throws Exception {
        leaveWhileServing("/client-gone/nested");

        assertThat(gate.failure).as("what the endpoint's code met after the client left").isNull();
        assertThat(handlers.enqueued).containsExactly("before the client left", "nested, after the client left");
        await().atMost(Duration.ofSeconds(10)).until(() -> Airlock.openScopes() == 0);
        assertThat(handlers.calls).as("side effects of a request without a response").isEmpty();
    }

    @Test
    void anAsynchronousEndpointLetsNothingEscapeAndLeavesNoScopeOpen() throws Exception {
        leaveWhileServing("/client-gone/uni");

        await().atMost(Duration.ofSeconds(10)).until(() -> Airlock.openScopes() == 0);
        assertThat(handlers.enqueued).contains("before the client left");
        assertThat(handlers.calls).as("side effects of a request without a response").isEmpty();
        assertThat(gate.failure).as("what the endpoint's code met after the client left").isNull();
    }

    @Test
    void aRequestWhoseClientStaysStillFlushes() {
        gate.release.countDown();
        given().get("/client-gone/blocking").then().statusCode(200);
        assertThat(handlers.calls).containsExactly("before the client left", "after the client left");
    }

    /** Sends a request, waits for the endpoint to start, closes the connection, then lets the endpoint go on. */
    private void leaveWhileServing(String path) throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(gate.entered.await(10, TimeUnit.SECONDS)).as("the endpoint was called").isTrue();
        }
        // give the server the time to see the connection end while the endpoint still waits
        Thread.sleep(300);
        gate.release.countDown();
        if (!path.endsWith("/uni")) {
            assertThat(gate.finished.await(10, TimeUnit.SECONDS)).as("the endpoint finished").isTrue();
        }
    }

    @ApplicationScoped
    public static class Nested {

        @Inject
        Recorder handlers;

        @AirlockScope
        public void enqueue(String what) {
            handlers.enqueue(what);
        }
    }

    @Path("/client-gone")
    public static class Resource {

        @Inject
        Recorder handlers;

        @Inject
        Nested nested;

        @Inject
        EndpointGate gate;

        @GET
        @Path("/blocking")
        public String blocking() throws InterruptedException {
            gate.serve(() -> handlers.enqueue("before the client left"),
                    () -> handlers.enqueue("after the client left"));
            return "done";
        }

        @GET
        @Path("/uni")
        public Uni<String> uni() {
            handlers.enqueue("before the client left");
            gate.entered.countDown();
            // the result arrives later on the request's own context, as a reactive client's would
            Context request = Vertx.currentContext();
            return Uni.createFrom().item("done").onItem().delayIt().until(ignored -> Uni.createFrom().emitter(emitter -> {
                new Thread(() -> {
                    try {
                        gate.release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    request.runOnContext(ignored2 -> emitter.complete(null));
                }).start();
            })).invoke(() -> {
                try {
                    handlers.enqueue("after the client left");
                } catch (RuntimeException | Error e) {
                    gate.failure = e;
                    throw e;
                } finally {
                    gate.finished.countDown();
                }
            });
        }

        @GET
        @Path("/nested")
        public String nested() throws InterruptedException {
            gate.serve(() -> handlers.enqueue("before the client left"),
                    () -> nested.enqueue("nested, after the client left"));
            return "done";
        }
    }
}
