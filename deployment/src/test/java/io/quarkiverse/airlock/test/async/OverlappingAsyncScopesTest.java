package io.quarkiverse.airlock.test.async;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.test.Recorder;
import io.quarkiverse.airlock.test.RecordingTest;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Asynchronous scopes that overlap on one unit of work stay independent: two {@code @AirlockScope} Unis awaited
 * together, finishing in either order, a fire-and-forget one started inside a synchronous scope that ends first, and a
 * streaming Multi under the HTTP auto-scope. Each scope flushes or discards exactly its own intents; no request hangs.
 */
public class OverlappingAsyncScopesTest extends RecordingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(Steps.class, Orders.class)
            .overrideConfigKey("quarkus.airlock.http.auto-scope", "true");

    /** A request that hangs fails the test instead of the build. */
    private static final RestAssuredConfig TIMEOUT = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 15_000).setParam("http.connection.timeout", 5_000));

    /** An asynchronous scope may close after the test method returned, but no later than its request did. */
    @AfterEach
    void asyncScopesClose() {
        await().atMost(10, TimeUnit.SECONDS).until(() -> Airlock.openScopes() == 0);
    }

    @Test
    void twoUnisAwaitedTogetherTheFirstFinishingFirst() {
        given().config(TIMEOUT).queryParam("first", 20).queryParam("second", 300).get("/orders/both")
                .then().statusCode(200).body(is("a+b"));

        assertThat(handlers.calls).containsExactlyInAnyOrder("a", "b", "request");
        assertThat(handlers.scopesKeptAt("a").get(0)).isNotSameAs(handlers.scopesKeptAt("b").get(0));
    }

    @Test
    void twoUnisAwaitedTogetherTheSecondFinishingFirst() {
        given().config(TIMEOUT).queryParam("first", 300).queryParam("second", 20).get("/orders/both")
                .then().statusCode(200).body(is("a+b"));

        assertThat(handlers.calls).containsExactlyInAnyOrder("a", "b", "request");
    }

    @Test
    void aFailingUniDiscardsOnlyItsOwnIntents() {
        given().config(TIMEOUT).get("/orders/one-fails").then().statusCode(200).body(is("a+recovered"));

        assertThat(handlers.calls).containsExactlyInAnyOrder("a", "request");
    }

    @Test
    void aFireAndForgetUniOutlivingItsSynchronousScopeFlushesOnItsOwn() {
        given().config(TIMEOUT).get("/orders/fire-and-forget").then().statusCode(200);

        await().atMost(10, TimeUnit.SECONDS).until(() -> handlers.calls.contains("background"));
        assertThat(handlers.calls).containsExactlyInAnyOrder("request", "background");
    }

    @Test
    void aStreamingMultiUnderTheAutoScope() {
        given().config(TIMEOUT).get("/orders/stream").then().statusCode(200);

        await().atMost(10, TimeUnit.SECONDS).until(() -> handlers.calls.size() == 4);
        assertThat(handlers.calls).containsExactlyInAnyOrder("item-1", "item-2", "item-3", "request");
    }

    @ApplicationScoped
    public static class Steps {
        @Inject
        Recorder handlers;

        /** Its intent is enqueued when its item comes, after the delay: into its own scope, whatever runs meanwhile. */
        @AirlockScope
        public Uni<String> step(String token, long delayMillis) {
            return Uni.createFrom().item(token).onItem().delayIt().by(Duration.ofMillis(delayMillis))
                    .onItem().invoke(handlers::enqueue);
        }

        @AirlockScope
        public Uni<String> failing(String token) {
            handlers.enqueue(token);
            return Uni.createFrom().<String> failure(new IllegalStateException("declined")).onFailure()
                    .call(() -> Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(50)));
        }

        @AirlockScope
        public Multi<String> items() {
            return Multi.createFrom().items("item-1", "item-2", "item-3").onItem().invoke(handlers::enqueue);
        }
    }

    @Path("/orders")
    public static class Orders {
        @Inject
        Steps steps;

        @Inject
        Recorder handlers;

        @GET
        @Path("/both")
        public Uni<String> both(@QueryParam("first") long first, @QueryParam("second") long second) {
            handlers.enqueue("request");
            return Uni.combine().all().unis(steps.step("a", first), steps.step("b", second)).asTuple()
                    .map(pair -> pair.getItem1() + "+" + pair.getItem2());
        }

        @GET
        @Path("/one-fails")
        public Uni<String> oneFails() {
            handlers.enqueue("request");
            return Uni.combine().all()
                    .unis(steps.step("a", 20), steps.failing("b").onFailure().recoverWithItem("recovered")).asTuple()
                    .map(pair -> pair.getItem1() + "+" + pair.getItem2());
        }

        @GET
        @Path("/fire-and-forget")
        @AirlockScope
        public String fireAndForget() {
            handlers.enqueue("request");
            steps.step("background", 200).subscribe().with(item -> {
            });
            return "started";
        }

        @GET
        @Path("/stream")
        public Multi<String> stream() {
            handlers.enqueue("request");
            return steps.items();
        }
    }
}
