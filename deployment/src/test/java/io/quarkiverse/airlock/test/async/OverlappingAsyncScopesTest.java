package io.quarkiverse.airlock.test.async;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.Scope;
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
public class OverlappingAsyncScopesTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Effects.class, Steps.class, Orders.class))
            // other builds may run tests on this machine at the same time: no fixed port
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.airlock.http.auto-scope", "true");

    /** A request that hangs fails the test instead of the build. */
    private static final RestAssuredConfig TIMEOUT = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 15_000).setParam("http.connection.timeout", 5_000));

    @Inject
    Effects effects;

    @BeforeEach
    void clear() {
        effects.ran.clear();
        effects.scopes.clear();
    }

    @AfterEach
    void noScopeLeft() {
        await().atMost(10, TimeUnit.SECONDS).until(() -> Airlock.openScopes() == 0);
    }

    @Test
    void twoUnisAwaitedTogetherTheFirstFinishingFirst() {
        given().config(TIMEOUT).queryParam("first", 20).queryParam("second", 300).get("/orders/both")
                .then().statusCode(200).body(is("a+b"));

        assertThat(effects.ran).containsExactlyInAnyOrder("a", "b", "request");
        assertThat(effects.scopes.get("a")).isNotSameAs(effects.scopes.get("b"));
    }

    @Test
    void twoUnisAwaitedTogetherTheSecondFinishingFirst() {
        given().config(TIMEOUT).queryParam("first", 300).queryParam("second", 20).get("/orders/both")
                .then().statusCode(200).body(is("a+b"));

        assertThat(effects.ran).containsExactlyInAnyOrder("a", "b", "request");
    }

    @Test
    void aFailingUniDiscardsOnlyItsOwnIntents() {
        given().config(TIMEOUT).get("/orders/one-fails").then().statusCode(200).body(is("a+recovered"));

        assertThat(effects.ran).containsExactlyInAnyOrder("a", "request");
    }

    @Test
    void aFireAndForgetUniOutlivingItsSynchronousScopeFlushesOnItsOwn() {
        given().config(TIMEOUT).get("/orders/fire-and-forget").then().statusCode(200);

        await().atMost(10, TimeUnit.SECONDS).until(() -> effects.ran.contains("background"));
        assertThat(effects.ran).containsExactlyInAnyOrder("request", "background");
    }

    @Test
    void aStreamingMultiUnderTheAutoScope() {
        given().config(TIMEOUT).get("/orders/stream").then().statusCode(200);

        await().atMost(10, TimeUnit.SECONDS).until(() -> effects.ran.size() == 4);
        assertThat(effects.ran).containsExactlyInAnyOrder("item-1", "item-2", "item-3", "request");
    }

    @Singleton
    public static class Effects {
        final List<String> ran = new CopyOnWriteArrayList<>();
        final java.util.Map<String, Scope> scopes = new java.util.concurrent.ConcurrentHashMap<>();

        @AirlockTask
        void effect(String token) {
            ran.add(token);
        }

        void enqueue(String token) {
            scopes.put(token, Airlock.currentScope().orElseThrow());
            Airlock.enqueue("effect", token);
        }
    }

    @ApplicationScoped
    public static class Steps {
        @Inject
        Effects effects;

        /** Its intent is enqueued when its item comes, after the delay: into its own scope, whatever runs meanwhile. */
        @AirlockScope
        public Uni<String> step(String token, long delayMillis) {
            return Uni.createFrom().item(token).onItem().delayIt().by(Duration.ofMillis(delayMillis))
                    .onItem().invoke(effects::enqueue);
        }

        @AirlockScope
        public Uni<String> failing(String token) {
            effects.enqueue(token);
            return Uni.createFrom().<String> failure(new IllegalStateException("declined")).onFailure()
                    .call(() -> Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(50)));
        }

        @AirlockScope
        public Multi<String> items() {
            return Multi.createFrom().items("item-1", "item-2", "item-3").onItem().invoke(effects::enqueue);
        }
    }

    @Path("/orders")
    public static class Orders {
        @Inject
        Steps steps;

        @Inject
        Effects effects;

        @GET
        @Path("/both")
        public Uni<String> both(@QueryParam("first") long first, @QueryParam("second") long second) {
            effects.enqueue("request");
            return Uni.combine().all().unis(steps.step("a", first), steps.step("b", second)).asTuple()
                    .map(pair -> pair.getItem1() + "+" + pair.getItem2());
        }

        @GET
        @Path("/one-fails")
        public Uni<String> oneFails() {
            effects.enqueue("request");
            return Uni.combine().all()
                    .unis(steps.step("a", 20), steps.failing("b").onFailure().recoverWithItem("recovered")).asTuple()
                    .map(pair -> pair.getItem1() + "+" + pair.getItem2());
        }

        @GET
        @Path("/fire-and-forget")
        @AirlockScope
        public String fireAndForget() {
            effects.enqueue("request");
            steps.step("background", 200).subscribe().with(item -> {
            });
            return "started";
        }

        @GET
        @Path("/stream")
        public Multi<String> stream() {
            effects.enqueue("request");
            return steps.items();
        }
    }
}
