package io.quarkiverse.airlock.test.devui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.devui.tests.DevUIJsonRPCTest;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * With the durable outbox, the History page shows the rows waiting for a retry and the dead-lettered rows, and
 * resubmits the latter.
 */
public class DevUIOutboxTest extends DevUIJsonRPCTest {

    @RegisterExtension
    static final QuarkusDevModeTest devMode = DevApps.onH2("devui-outbox", DevPartner.class,
            "quarkus.airlock.outbox.enabled=true",
            "quarkus.airlock.outbox.max-attempts=2",
            // long enough for the failed row to be seen waiting for its retry
            "quarkus.airlock.outbox.initial-backoff=8s",
            "quarkus.airlock.outbox.poll-interval=50ms");

    public DevUIOutboxTest() {
        super("quarkus-airlock");
    }

    @Test
    void aFailedRowIsListedWhileItWaitsForItsRetryThenAsADeadLetterThenResubmittedAndDelivered() throws Exception {
        JsonNode outbox = executeJsonRPCMethod("getOutbox");
        assertThat(outbox.get("enabled").asBoolean()).isTrue();
        assertThat(outbox.get("held").asLong()).as("no nested scope holds a row").isZero();
        assertThat(executeJsonRPCMethod("getHeld")).isEmpty();

        given().post("/partner/orders/51").then().statusCode(204);
        JsonNode retrying = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> row("getRetrying", "notifyPartner"), found -> found != null);
        assertThat(retrying.get("args").asText()).contains("51");
        assertThat(retrying.get("attempts").asInt()).isEqualTo(1);
        assertThat(retrying.get("lastError").asText()).contains("partner is down for order 51");
        OffsetDateTime due = OffsetDateTime.parse(retrying.get("nextAttemptAt").asText());
        JsonNode deadEarly = row("getDeadLetters", "notifyPartner");
        if (OffsetDateTime.now().isBefore(due)) {
            // only while the retry is still ahead: the backoff is 4 to 8 s, which a slow machine can spend between
            // the two calls
            assertThat(deadEarly).as("not dead while a retry is due").isNull();
        }

        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> row("getDeadLetters", "notifyPartner"),
                found -> found != null);
        assertThat(row("getRetrying", "notifyPartner")).as("no retry left once dead").isNull();
        assertThat(letter.get("id").asText()).isEqualTo(retrying.get("id").asText());
        assertThat(letter.get("args").asText()).contains("51");
        assertThat(letter.get("attempts").asInt()).isEqualTo(2);
        assertThat(letter.get("lastError").asText()).contains("partner is down");
        assertThat(letter.get("origin").asText()).isEqualTo("DevPartner#order");

        given().post("/partner/up").then().statusCode(204);
        assertThat(executeJsonRPCMethod("resubmit", Map.of("id", letter.get("id").asText())).asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/partner/delivered").asString(), "1"::equals);
        assertThat(row("getDeadLetters", "notifyPartner")).isNull();
        assertThat(row("getRetrying", "notifyPartner")).as("delivered").isNull();
        assertThat(executeJsonRPCMethod("resubmit", Map.of("id", letter.get("id").asText())).asBoolean())
                .as("a row is resubmitted once").isFalse();
    }

    private JsonNode row(String method, String task) throws Exception {
        for (JsonNode letter : executeJsonRPCMethod(method)) {
            if (letter.get("task").asText().equals(task)) {
                return letter;
            }
        }
        return null;
    }
}
