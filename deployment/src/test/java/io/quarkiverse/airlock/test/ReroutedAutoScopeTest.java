package io.quarkiverse.airlock.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.ext.web.Router;

/**
 * A request rerouted to another path keeps the one request scope it had, and that scope still ends with the
 * response: the intents of a rerouted request flush on success and are discarded on an error status.
 */
public class ReroutedAutoScopeTest extends RecordingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(Routes.class)
            .overrideConfigKey("quarkus.airlock.http.auto-scope", "true");

    @Test
    void theIntentsOfAReroutedRequestFlushOnSuccess() {
        given().get("/rerouted/to/200").then().statusCode(200).body(org.hamcrest.Matchers.is("1 scope"));
        assertThat(handlers.calls).containsExactly("before reroute", "after reroute 200");
    }

    @Test
    void andAreDiscardedOnAnErrorStatus() {
        given().get("/rerouted/to/503").then().statusCode(503);
        given().get("/rerouted/to/200").then().statusCode(200);
        assertThat(handlers.calls).as("only the second request's intents")
                .containsExactly("before reroute", "after reroute 200");
    }

    @Test
    void aRequestThatIsNotReroutedIsUnchanged() {
        given().get("/rerouted/target/201").then().statusCode(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> Airlock.openScopes() == 0);
        assertThat(handlers.calls).containsExactly("after reroute 201");
    }

    @ApplicationScoped
    public static class Routes {

        void routes(@Observes Router router) {
            router.get("/rerouted/to/:status").handler(routing -> {
                Airlock.enqueue("record", "before reroute");
                routing.reroute("/rerouted/target/" + routing.pathParam("status"));
            });
            router.get("/rerouted/target/:status").handler(routing -> {
                int status = Integer.parseInt(routing.pathParam("status"));
                Airlock.enqueue("record", "after reroute " + status);
                int scopes = 0;
                for (var scope = Airlock.currentScope().orElse(null); scope != null; scope = scope.parent().orElse(null)) {
                    scopes++;
                }
                routing.response().setStatusCode(status).end(scopes + " scope");
            });
        }
    }
}
