package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.NoScopeException;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;

/**
 * The HTTP auto-scope and a response streamed in chunks (server-sent events from a {@code Multi}): the request's work
 * goes on after the headers, so its scope ends with the last chunk, over HTTP/1.1 and HTTP/2 alike.
 */
public class StreamingAutoScopeTest extends HttpClientTest {

    @RegisterExtension
    static final QuarkusUnitTest config = autoScopedApplication(Resource.class);

    @ParameterizedTest(name = "over HTTP/2: {0}")
    @ValueSource(booleans = { false, true })
    void whatAStreamEnqueuesFlushesWithItsLastChunk(boolean http2) throws Exception {
        HttpVersion version = http2 ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1;
        HttpClient client = client(version);
        try {
            HttpClientResponse[] response = new HttpClientResponse[1];
            // the body is asked for as the headers arrive, before any chunk could be missed
            String body = client.request(HttpMethod.GET, "/stream/3")
                    .compose(HttpClientRequest::send)
                    .compose(received -> {
                        response[0] = received;
                        return received.body();
                    })
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).toString();
            assertThat(response[0].version()).isEqualTo(version);
            assertThat(response[0].statusCode()).isEqualTo(200);
            assertThat(body).contains("item0", "item1", "item2");

            await().atMost(Duration.ofSeconds(10)).until(() -> Airlock.openScopes() == 0);
            assertThat(handlers.calls).as("what the request enqueued before and while it streamed")
                    .containsExactly("start", "item0", "item1", "item2");
        } finally {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "over HTTP/2: {0}")
    @ValueSource(booleans = { false, true })
    void aStreamItsClientLeavesIsDiscarded(boolean http2) throws Exception {
        HttpClient client = client(http2 ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1);
        try {
            HttpClientRequest request = client.request(HttpMethod.GET, "/stream/500")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpClientResponse response = request.send()
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            CompletableFuture<Void> firstChunk = new CompletableFuture<>();
            response.handler(chunk -> firstChunk.complete(null));
            firstChunk.get(10, TimeUnit.SECONDS);
            if (http2) {
                request.reset();
            } else {
                request.connection().close();
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> Airlock.openScopes() == 0);
            assertThat(handlers.enqueued).as("enqueued before the client left").contains("start", "item0");
            assertThat(handlers.calls).as("side effects of a stream its client left").isEmpty();
        } finally {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private HttpClient client(HttpVersion version) {
        // HTTP/2 in clear text with prior knowledge: no upgrade request served over HTTP/1 first
        return vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(version)
                .setHttp2ClearTextUpgrade(false).setDefaultHost(root.getHost()).setDefaultPort(root.getPort()));
    }

    @Path("/stream")
    public static class Resource {

        @Inject
        Recorder handlers;

        @Inject
        Vertx vertx;

        /** Items come one by one from timers on the request's context, each enqueueing one side effect first. */
        @GET
        @Path("/{items}")
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public Multi<String> stream(@PathParam("items") int items) {
            handlers.enqueue("start");
            return Multi.createFrom().emitter(emitter -> next(emitter, 0, items));
        }

        private void next(MultiEmitter<? super String> emitter, int item, int items) {
            vertx.setTimer(20, ignored -> {
                if (emitter.isCancelled()) {
                    return;
                }
                if (item == items) {
                    emitter.complete();
                    return;
                }
                try {
                    handlers.enqueue("item" + item);
                } catch (NoScopeException | AssertionError noScope) {
                    // the scope ended before the stream did
                    emitter.fail(noScope);
                    return;
                }
                emitter.emit("item" + item);
                next(emitter, item + 1, items);
            });
        }
    }
}
