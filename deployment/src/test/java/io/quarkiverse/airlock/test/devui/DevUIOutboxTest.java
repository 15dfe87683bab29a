package io.quarkiverse.airlock.test.devui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.devui.tests.DevUIJsonRPCTest;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * With the durable outbox, the History page shows the dead-lettered rows and resubmits them.
 */
public class DevUIOutboxTest extends DevUIJsonRPCTest {

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(DevPartner.class)
                    .addAsResource(new StringAsset(String.join("\n",
                            "quarkus.datasource.db-kind=h2",
                            "quarkus.datasource.jdbc.url=jdbc:h2:mem:devui-outbox;DB_CLOSE_DELAY=-1",
                            "quarkus.datasource.devservices.enabled=false",
                            "quarkus.airlock.outbox.enabled=true",
                            "quarkus.airlock.outbox.max-attempts=1",
                            "quarkus.airlock.outbox.poll-interval=50ms",
                            "")), "application.properties"));

    public DevUIOutboxTest() {
        super("quarkus-airlock");
    }

    @Test
    void aDeadLetterIsListedThenResubmittedAndDelivered() throws Exception {
        assertThat(executeJsonRPCMethod("getOutbox").get("enabled").asBoolean()).isTrue();

        given().post("/partner/orders/51").then().statusCode(204);
        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter("notifyPartner"),
                found -> found != null);
        assertThat(letter.get("args").asText()).contains("51");
        assertThat(letter.get("attempts").asInt()).isEqualTo(1);
        assertThat(letter.get("lastError").asText()).contains("partner is down");
        assertThat(letter.get("origin").asText()).isEqualTo("DevPartner#order");

        given().post("/partner/up").then().statusCode(204);
        assertThat(executeJsonRPCMethod("resubmit", Map.of("id", letter.get("id").asText())).asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/partner/delivered").asString(), "1"::equals);
        assertThat(deadLetter("notifyPartner")).isNull();
        assertThat(executeJsonRPCMethod("resubmit", Map.of("id", letter.get("id").asText())).asBoolean())
                .as("a row is resubmitted once").isFalse();
    }

    private JsonNode deadLetter(String task) throws Exception {
        for (JsonNode letter : executeJsonRPCMethod("getDeadLetters")) {
            if (letter.get("task").asText().equals(task)) {
                return letter;
            }
        }
        return null;
    }
}
