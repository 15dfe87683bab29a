package io.quarkiverse.airlock.it.matrix;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;

import io.quarkiverse.airlock.test.matrix.Cell;
import io.quarkiverse.airlock.test.matrix.MatrixApp;
import io.restassured.response.Response;

/** Runs one row of the published "sync, virtual thread" column over HTTP and compares what ran with the table. */
final class VirtualThreadCells {

    static final String COLUMN = "sync, virtual thread";

    private VirtualThreadCells() {
    }

    /** The rows whose scope kind needs the HTTP auto-scope on, or off. */
    static Stream<String> rows(boolean autoScope) {
        return PublishedMatrix.column(COLUMN).keySet().stream().filter(key -> key.contains("AUTO_SCOPE") == autoScope);
    }

    static void check(String key, MatrixApp.Effects effects) {
        Assumptions.assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21");
        String outcome = PublishedMatrix.column(COLUMN).get(key);
        List<String> expectedRuns = PublishedMatrix.expectedRuns(outcome);
        // unique across application restarts: the in-memory database outlives them
        String n = Long.toString(System.nanoTime(), 36);
        String token = "vt" + n;
        Response response = given().queryParam("cell", key + "/" + Cell.MethodKind.VIRTUAL_THREAD)
                .queryParam("token", token).post("/matrix/virtual");

        // an effect wrongly let out would have been dispatched before that of a later committed request
        String marker = "vm" + n;
        given().queryParam("token", marker).post("/matrix/marker").then().statusCode(200);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> effects.ran(marker));
        } catch (ConditionTimeoutException e) {
            // shows in the comparison below
        }

        String actual = "answered " + response.statusCode() + " " + response.body().asString() + "; ran "
                + effects.runsOf(token) + (effects.ran(marker) ? "" : "; the marker never ran");
        assertThat(actual).as("%s, %s: published as '%s'", key, COLUMN, outcome)
                .isEqualTo("answered 200 ok; ran " + expectedRuns);
    }
}
