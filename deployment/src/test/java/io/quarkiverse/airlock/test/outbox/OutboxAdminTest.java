package io.quarkiverse.airlock.test.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.DeadLetterFilter;
import io.quarkiverse.airlock.OutboxEntry;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.specification.RequestSpecification;

/**
 * Operators manage dead letters over HTTP on the management interface, with the role
 * {@code quarkus.airlock.outbox.admin.role}: 401 without credentials, 403 without the role, nothing on the main port;
 * listing by task and age, resubmitting and discarding by id and by filter, never touching a row that is not dead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class OutboxAdminTest {

    private static final String ADMIN = "http://localhost:9001/q/airlock/outbox/dead-letters";

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-admin", Handlers.class)
            .overrideConfigKey("quarkus.airlock.outbox.max-attempts", "1")
            .overrideConfigKey("quarkus.airlock.outbox.admin.enabled", "true")
            .overrideConfigKey("quarkus.airlock.outbox.admin.role", "outbox-operator")
            .overrideConfigKey("quarkus.management.enabled", "true")
            .overrideConfigKey("quarkus.management.auth.basic", "true")
            .overrideConfigKey("quarkus.security.users.embedded.enabled", "true")
            .overrideConfigKey("quarkus.security.users.embedded.plain-text", "true")
            .overrideConfigKey("quarkus.security.users.embedded.users.ops", "ops-secret")
            .overrideConfigKey("quarkus.security.users.embedded.roles.ops", "outbox-operator")
            .overrideConfigKey("quarkus.security.users.embedded.users.dev", "dev-secret")
            .overrideConfigKey("quarkus.security.users.embedded.roles.dev", "developer");

    @Inject
    AirlockOutbox outbox;

    @Test
    @Order(1)
    void withoutCredentialsTheAnswerIs401AndWithoutTheRole403() {
        given().get(ADMIN).then().statusCode(401);
        given().auth().preemptive().basic("dev", "dev-secret").get(ADMIN).then().statusCode(403);
        given().auth().preemptive().basic("ops", "ops-secret").get(ADMIN).then().statusCode(200);
    }

    @Test
    @Order(2)
    void nothingIsServedOnTheMainPort() {
        given().auth().preemptive().basic("ops", "ops-secret").get("/q/airlock/outbox/dead-letters").then()
                .statusCode(404);
    }

    @Test
    @Order(3)
    void operatorsListResubmitAndDiscardDeadLettersByIdAndByFilter() {
        OutboxTestApps.commitScope(() -> {
            Airlock.enqueue("charge", "order-1");
            Airlock.enqueue("charge", "order-2");
            Airlock.enqueue("refund", "order-3");
            // pending for an hour: no filter may touch it
            Airlock.intent("charge").args("order-4").option("delay", Duration.ofHours(1)).enqueue();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.deadLetterCount() == 3);

        ops().queryParam("task", "charge").get(ADMIN).then().statusCode(200).body("count", equalTo(2));
        ops().queryParam("older-than", "1h").get(ADMIN).then().statusCode(200).body("count", equalTo(0));
        ops().queryParam("older-than", "soon").get(ADMIN).then().statusCode(400)
                .body("error", containsString("write it as 30m, 1h or 2d"));
        ops().post(ADMIN + "/resubmit").then().statusCode(400).body("error", containsString("all=true"));

        // the refund works on its second attempt
        ops().queryParam("task", "refund").post(ADMIN + "/resubmit").then().statusCode(200)
                .body("resubmitted", equalTo(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.attempts.get("order-3").get() == 2
                && outbox.deadLetterCount() == 2);

        List<OutboxEntry> charges = outbox.deadLetters(DeadLetterFilter.task("charge"), 10);
        String first = charges.get(0).id().toString();
        ops().get(ADMIN + "/" + first).then().statusCode(200).body("task", equalTo("charge"));
        ops().delete(ADMIN + "/" + first).then().statusCode(200).body("discarded", equalTo(1));
        ops().delete(ADMIN + "/" + first).then().statusCode(404);
        ops().queryParam("task", "charge").post(ADMIN + "/discard").then().statusCode(200)
                .body("discarded", equalTo(1));

        assertThat(outbox.deadLetterCount()).isZero();
        assertThat(outbox.pendingCount()).as("the delayed charge, untouched").isEqualTo(1);
    }

    private static RequestSpecification ops() {
        return given().auth().preemptive().basic("ops", "ops-secret");
    }

    public static class Handlers {

        static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        @AirlockTask
        void charge(String order) {
            throw new IllegalStateException("card declined for " + order);
        }

        @AirlockTask
        void refund(String order) {
            if (attempts.computeIfAbsent(order, ignored -> new AtomicInteger()).incrementAndGet() == 1) {
                throw new IllegalStateException("bank unavailable for " + order);
            }
        }
    }
}
