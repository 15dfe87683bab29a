package io.quarkiverse.airlock.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.spi.AirlockListener;
import io.quarkus.test.QuarkusUnitTest;

/**
 * What the HTTP auto-scope tells listeners about each request: a success flushes and reports no discard; an error
 * status discards the request's intents with the status as the reason, which is what the Dev UI and logs show.
 */
public class AutoScopeOutcomeTest extends RecordingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(Resource.class, Discards.class)
            .overrideConfigKey("quarkus.airlock.http.auto-scope", "true");

    @Inject
    Discards discards;

    @BeforeEach
    void noDiscardYet() {
        discards.reasons.clear();
    }

    @Test
    void aSuccessFlushesAndReportsNoDiscard() {
        given().get("/outcome/200").then().statusCode(200);
        assertThat(handlers.calls).containsExactly("status 200");
        assertThat(discards.reasons).isEmpty();
    }

    @Test
    void anErrorStatusIsTheReasonOfTheDiscard() {
        given().get("/outcome/503").then().statusCode(503);
        await().atMost(Duration.ofSeconds(10)).until(() -> !discards.reasons.isEmpty());
        assertThat(discards.reasons).containsExactly("responded HTTP 503: [status 503]");
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void theFirstStatusThatDiscardsIs400() {
        given().get("/outcome/399").then().statusCode(399);
        given().get("/outcome/400").then().statusCode(400);
        await().atMost(Duration.ofSeconds(10)).until(() -> !discards.reasons.isEmpty());
        assertThat(handlers.calls).containsExactly("status 399");
        assertThat(discards.reasons).containsExactly("responded HTTP 400: [status 400]");
    }

    @Singleton
    public static class Discards implements AirlockListener {

        final List<String> reasons = new CopyOnWriteArrayList<>();

        @Override
        public void discarded(Scope scope, List<Intent> intents, String reason) {
            reasons.add(reason + ": " + intents.stream().map(intent -> intent.args().get(0)).toList());
        }
    }

    @Path("/outcome")
    public static class Resource {

        @Inject
        Recorder handlers;

        @GET
        @Path("/{status}")
        public Response respond(@PathParam("status") int status) {
            handlers.enqueue("status " + status);
            return Response.status(status).entity("status " + status).build();
        }
    }
}
