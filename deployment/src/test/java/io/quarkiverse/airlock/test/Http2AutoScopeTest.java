package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;

/**
 * The HTTP auto-scope over HTTP/2, where requests share a connection and a client gives up on one by resetting its
 * stream while the connection stays open: the scope must end with the stream, not with the connection.
 */
public class Http2AutoScopeTest extends HttpClientTest {

    @RegisterExtension
    static final QuarkusUnitTest config = autoScopedApplication(Resource.class, EndpointGate.class);

    @Inject
    EndpointGate gate;

    private HttpClient client;

    @BeforeEach
    void http2Client() {
        gate.reset();
        // cleartext HTTP/2 with prior knowledge: no HTTP/1.1 upgrade request that would itself be served over HTTP/1
        client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false).setDefaultHost(root.getHost()).setDefaultPort(root.getPort()));
    }

    @AfterEach
    void closeClient() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSuccessfulRequestFlushesBeforeItsResponse() throws Exception {
        gate.release.countDown();
        HttpClientResponse response = client.request(HttpMethod.GET, "/h2/blocking")
                .compose(request -> request.send())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(response.version()).as("the protocol the request was served over").isEqualTo(HttpVersion.HTTP_2);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(handlers.calls).as("side effects run before the response").containsExactly("before", "after");
    }

    @Test
    void aResetStreamDiscardsItsScopeOnceTheEndpointIsDone() throws Exception {
        HttpClientRequest request = resetWhileServed();
        assertThat(request.version()).isEqualTo(HttpVersion.HTTP_2);

        await().atMost(Duration.ofSeconds(10)).until(() -> Airlock.openScopes() == 0);
        assertThat(gate.failure).as("what the endpoint's code met after the stream was reset").isNull();
        assertThat(handlers.enqueued).containsExactly("before", "after");
        assertThat(handlers.calls).as("side effects of a request without a response").isEmpty();
    }

    @Test
    void aResetStreamLeavesTheOtherRequestsOfItsConnectionAlone() throws Exception {
        HttpClientRequest abandoned = resetWhileServed();
        await().atMost(Duration.ofSeconds(10)).until(() -> Airlock.openScopes() == 0);

        // the connection goes on serving: the next request's scope flushes as usual
        HttpClientResponse next = client.request(HttpMethod.GET, "/h2/quick").compose(request -> request.send())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.request().connection()).as("the connection of the reset stream").isSameAs(abandoned.connection());
        assertThat(handlers.calls).as("only the side effect of the request answered").containsExactly("quick");
    }

    /** Resets a request's stream while its endpoint waits at the gate, then lets the endpoint finish. */
    private HttpClientRequest resetWhileServed() throws Exception {
        HttpClientRequest request = client.request(HttpMethod.GET, "/h2/blocking")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        request.end();
        assertThat(gate.entered.await(10, TimeUnit.SECONDS)).as("the endpoint was called").isTrue();
        request.reset();
        // give the server the time to see the stream end while the endpoint still waits
        Thread.sleep(300);
        gate.release.countDown();
        assertThat(gate.finished.await(10, TimeUnit.SECONDS)).as("the endpoint finished").isTrue();
        return request;
    }

    @Path("/h2")
    public static class Resource {

        @Inject
        Recorder handlers;

        @Inject
        EndpointGate gate;

        @GET
        @Path("/blocking")
        public String blocking() throws InterruptedException {
            gate.serve(() -> handlers.enqueue("before"), () -> handlers.enqueue("after"));
            return "done";
        }

        @GET
        @Path("/quick")
        public String quick() {
            handlers.enqueue("quick");
            return "done";
        }
    }
}
