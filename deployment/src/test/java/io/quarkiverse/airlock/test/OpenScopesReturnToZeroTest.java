package io.quarkiverse.airlock.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * After a mix of successful, failing, nested, asynchronous and REST units of work, no scope stays open:
 * {@code Airlock.openScopes()} returns to 0 and the test thread has no current scope.
 */
public class OpenScopesReturnToZeroTest extends RecordingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(Service.class, Inner.class, Resource.class);

    @Inject
    Service service;

    @Test
    void everyKindOfUnitOfWorkClosesItsScope() throws Exception {
        assertThat(Airlock.openScopes()).as("nothing open at the start").isZero();

        // synchronous: success, unchecked and checked failures, nested
        service.sync("s1");
        assertThat(handlers.seen).as("the counter sees the open scope").containsExactly("open=1");
        assertThatThrownBy(() -> service.syncFailing("s2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> service.syncChecked("s3")).isInstanceOf(IOException.class);
        service.nested("s4", false);
        assertThat(handlers.seen).as("outer and inner scope open at once").contains("open=2");
        assertThatThrownBy(() -> service.nested("s5", true)).isInstanceOf(IllegalStateException.class);
        assertOnlyZero("after the synchronous calls");

        // Uni: success, failure, cancellation, and a Uni scope nested in a synchronous one
        assertThat(service.uni("u1", false).await().atMost(Duration.ofSeconds(5))).isEqualTo("u1");
        assertThatThrownBy(() -> service.uni("u2", true).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class);
        CompletableFuture<Void> enqueued = new CompletableFuture<>();
        Cancellable cancellable = service.never("u3", enqueued).subscribe().with(item -> {
        }, failure -> {
        });
        enqueued.get(5, TimeUnit.SECONDS);
        assertThat(Airlock.openScopes()).as("the pending Uni's scope is open").isEqualTo(1);
        cancellable.cancel();
        service.nestedUni("u4");
        assertOnlyZero("after the Uni calls");

        // Multi and CompletionStage: completion and failure
        service.multi("m1", false).collect().asList().await().atMost(Duration.ofSeconds(5));
        assertThatThrownBy(() -> service.multi("m2", true).collect().asList().await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class);
        CompletableFuture<String> gate = new CompletableFuture<>();
        CompletionStage<String> pending = service.stage("c1", gate);
        assertThat(Airlock.openScopes()).as("the pending stage's scope is open").isEqualTo(1);
        gate.complete("c1");
        pending.toCompletableFuture().get(5, TimeUnit.SECONDS);
        CompletableFuture<String> failingGate = new CompletableFuture<>();
        CompletionStage<String> failing = service.stage("c2", failingGate);
        failingGate.completeExceptionally(new IllegalStateException("c2"));
        assertThatThrownBy(() -> failing.toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        assertOnlyZero("after the Multi and CompletionStage calls");

        // REST: flushed, discarded by status, discarded by exception, Uni on the event loop
        given().get("/zero/ok/r1").then().statusCode(200);
        given().get("/zero/status/r2").then().statusCode(404);
        given().get("/zero/thrown/r3").then().statusCode(404);
        given().get("/zero/failing/r4").then().statusCode(500);
        given().get("/zero/uni/r5").then().statusCode(200);
        given().get("/zero/uni-failing/r6").then().statusCode(500);
        assertOnlyZero("after the REST calls");
        given().get("/zero/probe").then().statusCode(200)
                .body(equalTo("scope=false open=0"));

        assertThat(handlers.calls).containsExactlyInAnyOrder("s1", "s4-inner", "s4", "u1", "u4-inner", "u4", "m1:1",
                "m1:2", "c1", "r1", "r5");
    }

    private static void assertOnlyZero(String when) {
        assertThat(Airlock.openScopes()).as("open scopes " + when).isZero();
        assertThat(Airlock.currentScope()).as("current scope of the test thread " + when).isEmpty();
    }

    @ApplicationScoped
    public static class Inner {

        /** @return how many scopes were open while it ran */
        @AirlockScope
        public long work(String id) {
            Airlock.enqueue("record", id + "-inner");
            return Airlock.openScopes();
        }

        @AirlockScope
        public Uni<String> workAsync(String id) {
            return Uni.createFrom().item(id).invoke(() -> Airlock.enqueue("record", id + "-inner"));
        }
    }

    @ApplicationScoped
    public static class Service {

        @Inject
        Recorder handlers;

        @Inject
        Inner inner;

        @AirlockScope
        public void sync(String id) {
            handlers.seen.add("open=" + Airlock.openScopes());
            Airlock.enqueue("record", id);
        }

        @AirlockScope
        public void syncFailing(String id) {
            Airlock.enqueue("record", id);
            throw new IllegalStateException(id);
        }

        @AirlockScope
        public void syncChecked(String id) throws IOException {
            Airlock.enqueue("record", id);
            throw new IOException(id);
        }

        @AirlockScope
        public void nested(String id, boolean fail) {
            Airlock.enqueue("record", id);
            handlers.seen.add("open=" + inner.work(id));
            if (fail) {
                throw new IllegalStateException(id);
            }
        }

        @AirlockScope
        public void nestedUni(String id) {
            inner.workAsync(id).await().atMost(Duration.ofSeconds(5));
            Airlock.enqueue("record", id);
        }

        @AirlockScope
        public Uni<String> uni(String id, boolean fail) {
            return Uni.createFrom().item(id)
                    .onItem().delayIt().by(Duration.ofMillis(20))
                    .invoke(() -> Airlock.enqueue("record", id))
                    .invoke(() -> {
                        if (fail) {
                            throw new IllegalStateException(id);
                        }
                    });
        }

        @AirlockScope
        public Uni<String> never(String id, CompletableFuture<Void> enqueued) {
            return Uni.createFrom().item(id)
                    .invoke(() -> Airlock.enqueue("record", id))
                    .invoke(() -> enqueued.complete(null))
                    .onItem().transformToUni(ignored -> Uni.createFrom().<String> nothing());
        }

        @AirlockScope
        public Multi<Integer> multi(String id, boolean fail) {
            return Multi.createFrom().items(1, 2)
                    .onItem().call(item -> Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(10)))
                    .invoke(item -> Airlock.enqueue("record", id + ":" + item))
                    .onCompletion().invoke(() -> {
                        if (fail) {
                            throw new IllegalStateException(id);
                        }
                    });
        }

        @AirlockScope
        public CompletionStage<String> stage(String id, CompletableFuture<String> gate) {
            Airlock.enqueue("record", id);
            return gate.thenApply(value -> value);
        }
    }

    @Path("/zero")
    public static class Resource {

        @GET
        @Path("/ok/{id}")
        @AirlockScope
        public String ok(@PathParam("id") String id) {
            Airlock.enqueue("record", id);
            return id;
        }

        @GET
        @Path("/status/{id}")
        @AirlockScope
        public Response status(@PathParam("id") String id) {
            Airlock.enqueue("record", id);
            return Response.status(404).build();
        }

        /** A NotFoundException is answered 404, any other failure 500. */
        @GET
        @Path("/{failure: thrown|failing}/{id}")
        @AirlockScope
        public String failing(@PathParam("failure") String failure, @PathParam("id") String id) {
            Airlock.enqueue("record", id);
            throw failure.equals("thrown") ? new NotFoundException(id) : new IllegalStateException(id);
        }

        @GET
        @Path("/{outcome: uni|uni-failing}/{id}")
        @AirlockScope
        public Uni<String> uni(@PathParam("outcome") String outcome, @PathParam("id") String id) {
            Uni<String> enqueued = Uni.createFrom().item(id)
                    .onItem().delayIt().by(Duration.ofMillis(20))
                    .invoke(() -> Airlock.enqueue("record", id));
            return outcome.equals("uni") ? enqueued : enqueued.onItem().failWith(() -> new IllegalStateException(id));
        }

        /** No scope of its own: what a later request finds. */
        @GET
        @Path("/probe")
        public String probe() {
            return "scope=" + Airlock.currentScope().isPresent() + " open=" + Airlock.openScopes();
        }
    }
}
