package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.Scope;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;

/**
 * The HTTP auto-scope on a keep-alive HTTP/1.1 connection, which outlives the requests it serves: each request's scope
 * flushes with its response, and once answered nothing of it stays attached to the connection, however many requests
 * the connection goes on to serve.
 */
public class KeepAliveAutoScopeTest extends HttpClientTest {

    @RegisterExtension
    static final QuarkusUnitTest config = autoScopedApplication(Resource.class, Scopes.class);

    private static final int REQUESTS = 5;

    @Inject
    Scopes scopes;

    @Test
    void answeredRequestsLeaveNothingOnTheirConnection() throws Exception {
        scopes.seen.clear();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true).setMaxPoolSize(1).setDefaultHost(root.getHost()).setDefaultPort(root.getPort()));
        try {
            HttpConnection first = null;
            for (int i = 0; i < REQUESTS; i++) {
                HttpClientResponse response = client.request(HttpMethod.GET, "/keep-alive/" + i)
                        .compose(request -> request.send())
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                first = first == null ? response.request().connection() : first;
                assertThat(response.request().connection()).as("the one keep-alive connection").isSameAs(first);
            }
            assertThat(handlers.calls).as("each request's side effect, run with its response")
                    .containsExactly("0", "1", "2", "3", "4");

            // the connection is still open: a scope kept from it would not be collected
            List<WeakReference<Scope>> answered = scopes.seen.subList(0, REQUESTS - 1);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                System.gc();
                assertThat(answered).as("scopes of answered requests still reachable")
                        .allSatisfy(scope -> assertThat(scope.get()).isNull());
            });
        } finally {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** Weak references to the scopes the endpoint ran in: the test holds them without keeping them alive. */
    @Singleton
    public static class Scopes {
        final List<WeakReference<Scope>> seen = new CopyOnWriteArrayList<>();
    }

    @Path("/keep-alive")
    public static class Resource {

        @Inject
        Scopes scopes;

        @GET
        @Path("/{n}")
        public String serve(@PathParam("n") String n) {
            scopes.seen.add(new WeakReference<>(Airlock.currentScope().orElseThrow()));
            Airlock.enqueue("record", n);
            return n;
        }
    }
}
