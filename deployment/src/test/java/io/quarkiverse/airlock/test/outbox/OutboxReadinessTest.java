package io.quarkiverse.airlock.test.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.path.json.JsonPath;

/**
 * With SmallRye Health, the outbox is part of readiness: UP while its table answers and its relay runs, with the
 * relay's state and the backlog in the check's data; DOWN, with a reason an operator can act on, once the table is
 * gone.
 */
public class OutboxReadinessTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps
            .onH2(List.of("quarkus-smallrye-health-deployment"), "outbox-readiness", Handlers.class)
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");

    @Inject
    DataSource dataSource;

    @Test
    void upWhileTheTableAnswersThenDownWithTheReasonOnceItIsGone() throws Exception {
        Map<String, Object> up = outboxCheck(200);
        assertThat(up).containsEntry("status", "UP");
        assertThat(data(up)).containsEntry("relay", "running")
                .containsEntry("table-reachable", true)
                .containsEntry("pending", 0)
                .containsEntry("oldest-due-age-seconds", 0)
                .containsKey("last-activity")
                .doesNotContainKey("reason");

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE airlock_outbox");
        }

        // the answer before the drop may be reused for a second
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> "DOWN".equals(outboxCheck(503).get("status")));
        Map<String, Object> down = outboxCheck(503);
        assertThat(data(down)).containsEntry("table-reachable", false);
        assertThat((String) data(down).get("reason")).startsWith("The outbox table cannot be reached")
                .containsIgnoringCase("airlock_outbox");
    }

    static Map<String, Object> outboxCheck(int status) {
        JsonPath health = given().get("/q/health/ready").then().statusCode(status).extract().jsonPath();
        return health.getMap("checks.find { it.name == 'Airlock outbox' }");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> check) {
        return (Map<String, Object>) check.get("data");
    }

    public static class Handlers {

        @AirlockTask
        void ship(String order) {
        }
    }
}
