package io.quarkiverse.airlock.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.Scope;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;

/**
 * {@code @AirlockScope} on a method returning {@code Uni}: the scope stays open while the pipeline runs, so intents
 * enqueued in later stages (after a delay, on another thread) land in it; the item flushes it before it reaches the
 * subscriber, a failure or a cancellation discards it. Over HTTP, a REST method returning {@code Uni} runs on the event
 * loop and each request sees only its own intents.
 */
public class UniScopeTest extends RecordingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(Service.class, UniResource.class);

    @Inject
    Service service;

    @Test
    void intentsEnqueuedAfterADelayLandInTheScopeAndDispatchAfterTheItem() {
        String item = service.delayed("a").await().atMost(Duration.ofSeconds(5));

        assertThat(item).isEqualTo("a!");
        assertThat(handlers.seen).as("handlers that had run when the pipeline enqueued").containsExactly(
                "[]");
        assertThat(handlers.calls).as("dispatched by the time await() returned").containsExactly("a");
        Scope scope = handlers.onlyScope();
        assertThat(scope.isFlushed()).isTrue();
        assertThat(args(scope.intents())).containsExactly("a");
    }

    @Test
    void eachSubscriptionRunsInItsOwnScopeSoARetryStartsAfresh() {
        AtomicInteger attempts = new AtomicInteger();
        String item = service.flaky("retry", attempts).onFailure().retry().atMost(2).await()
                .atMost(Duration.ofSeconds(5));

        assertThat(item).isEqualTo("retry@2");
        assertThat(attempts).hasValue(2);
        assertThat(handlers.calls).as("only the successful attempt's intent escapes").containsExactly("retry@2");
        assertThat(handlers.scopes).hasSize(2);
        assertThat(handlers.scopes.get(0)).isNotSameAs(handlers.scopes.get(1));
        assertThat(handlers.scopes.get(0).isDiscarded()).isTrue();
        assertThat(handlers.scopes.get(1).isFlushed()).isTrue();
    }

    @Test
    void failingUniDiscardsAndPropagatesTheSameFailure() {
        IllegalStateException failure = new IllegalStateException("pipeline failed");
        assertThatThrownBy(() -> service.failing("b", failure).await().atMost(Duration.ofSeconds(5))).isSameAs(failure);

        assertThat(handlers.calls).isEmpty();
        Scope scope = handlers.onlyScope();
        assertThat(scope.isDiscarded()).isTrue();
        assertThat(args(scope.intents())).containsExactly("b");
    }

    @Test
    void methodThrowingBeforeReturningTheUniDiscardsAndPropagatesTheSameFailure() {
        IllegalArgumentException failure = new IllegalArgumentException("thrown by the method");
        assertThatThrownBy(() -> service.throwing("c", failure).await().atMost(Duration.ofSeconds(5))).isSameAs(
                failure);
        assertThat(handlers.calls).isEmpty();
        assertThat(handlers.onlyScope().isDiscarded()).isTrue();
    }

    @Test
    void cancellingBeforeTheItemDiscards() throws Exception {
        CompletableFuture<Void> enqueued = new CompletableFuture<>();
        List<Object> received = new CopyOnWriteArrayList<>();
        Cancellable subscription = service.pending("d", enqueued).subscribe().with(received::add, received::add);
        enqueued.get(5, TimeUnit.SECONDS);
        Scope scope = handlers.onlyScope();
        assertThat(scope.isFlushed() || scope.isDiscarded()).as("still open before the cancellation").isFalse();

        subscription.cancel();

        assertThat(scope.isDiscarded()).isTrue();
        assertThat(args(scope.intents())).containsExactly("d");
        assertThat(handlers.calls).isEmpty();
        assertThat(received).isEmpty();
    }

    @Test
    void restUniRunsOnTheEventLoopAndFlushesOncePerRequest() {
        for (String id : List.of("r1", "r2", "r3")) {
            String body = given().get("/uni-scope/" + id).then().statusCode(200).extract().asString();
            assertThat(body).isEqualTo("eventLoop=true intents=[" + id + "-1, " + id + "-2]");
        }
        assertThat(handlers.calls).containsExactly("r1-1", "r1-2", "r2-1", "r2-2", "r3-1", "r3-2");
    }

    @Test
    void concurrentRestRequestsSeeOnlyTheirOwnIntents() throws Exception {
        UniResource.MAX_IN_FLIGHT.set(0);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<String>> first = client.sendAsync(request("x"),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> second = client.sendAsync(request("y"),
                HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> x = first.get(10, TimeUnit.SECONDS);
        HttpResponse<String> y = second.get(10, TimeUnit.SECONDS);

        assertThat(UniResource.MAX_IN_FLIGHT).as("the two requests overlapped").hasValue(2);
        assertThat(x.statusCode()).isEqualTo(200);
        assertThat(y.statusCode()).isEqualTo(200);
        assertThat(x.body()).isEqualTo("eventLoop=true intents=[x-1, x-2]");
        assertThat(y.body()).isEqualTo("eventLoop=true intents=[y-1, y-2]");
        assertThat(handlers.calls).containsExactlyInAnyOrder("x-1", "x-2", "y-1", "y-2");
    }

    private static HttpRequest request(String id) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/uni-scope/" + id
                + "?delay=400")).timeout(Duration.ofSeconds(10)).GET().build();
    }

    @ApplicationScoped
    public static class Service {

        @Inject
        Recorder handlers;

        @AirlockScope
        public Uni<String> delayed(String id) {
            return Uni.createFrom().item(id)
                    .onItem().delayIt().by(Duration.ofMillis(50))
                    .onItem().invoke(() -> handlers.enqueue(id))
                    .map(value -> value + "!");
        }

        @AirlockScope
        public Uni<String> failing(String id, RuntimeException failure) {
            return Uni.createFrom().item(id)
                    .onItem().delayIt().by(Duration.ofMillis(50))
                    .onItem().invoke(() -> handlers.enqueue(id))
                    .onItem().failWith(() -> failure);
        }

        @AirlockScope
        public Uni<String> flaky(String id, AtomicInteger attempts) {
            return Uni.createFrom().item(() -> id + "@" + attempts.incrementAndGet())
                    .onItem().delayIt().by(Duration.ofMillis(20))
                    .onItem().invoke(handlers::enqueue)
                    .onItem().invoke(value -> {
                        if (value.endsWith("@1")) {
                            throw new IllegalStateException("first attempt fails");
                        }
                    });
        }

        @AirlockScope
        public Uni<String> throwing(String id, RuntimeException failure) {
            handlers.enqueue(id);
            throw failure;
        }

        @AirlockScope
        public Uni<String> pending(String id, CompletableFuture<Void> enqueued) {
            return Uni.createFrom().item(id)
                    .onItem().delayIt().by(Duration.ofMillis(20))
                    .onItem().invoke(() -> handlers.enqueue(id))
                    .onItem().invoke(() -> enqueued.complete(null))
                    .onItem().transformToUni(value -> Uni.createFrom().<String> nothing());
        }
    }

    @Path("/uni-scope")
    public static class UniResource {

        static final AtomicInteger IN_FLIGHT = new AtomicInteger();
        static final AtomicInteger MAX_IN_FLIGHT = new AtomicInteger();

        @GET
        @Path("/{id}")
        @AirlockScope
        public Uni<String> get(@PathParam("id") String id, @QueryParam("delay") @DefaultValue("50") long delay) {
            boolean eventLoop = Context.isOnEventLoopThread();
            MAX_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
            return Uni.createFrom().item(id)
                    .onItem().invoke(() -> Airlock.enqueue("record", id + "-1"))
                    .onItem().delayIt().by(Duration.ofMillis(delay))
                    .onItem().invoke(() -> Airlock.enqueue("record", id + "-2"))
                    .map(value -> "eventLoop=" + eventLoop + " intents="
                            + args(Airlock.currentScope().orElseThrow().intents()))
                    .onTermination().invoke(IN_FLIGHT::decrementAndGet);
        }
    }
}
