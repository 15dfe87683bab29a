package io.quarkiverse.airlock.test.matrix;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.core.ConditionTimeoutException;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;

/**
 * Runs one cell against the application of one executor and checks what a user would see against the cell's rule:
 * the answer of the request, the effects that ran (each once, after its row was committed) and, on the outbox, that no
 * row is left to be delivered later. A failure names the cell and shows both the expected and the actual outcome.
 */
final class MatrixSupport {

    private static final AtomicInteger TOKENS = new AtomicInteger();

    private MatrixSupport() {
    }

    static void check(String id, MatrixTest.Executor executor, MatrixApp.Effects effects, AgroalDataSource dataSource)
            throws SQLException {
        Cell cell = Cell.of(id);
        int n = TOKENS.incrementAndGet();
        String token = "c" + n;
        Response response = given().queryParam("cell", id).queryParam("token", token)
                .post(MatrixApp.Resource.endpoint(cell));

        // An effect wrongly let out would have been dispatched before one flushed by a later, committed unit of work
        // through the same executor (the outbox relay delivers in due order): the marker bounds the wait for "never".
        String marker = "m" + n;
        given().queryParam("token", marker).post("/matrix/marker").then().statusCode(200);
        boolean outbox = executor == MatrixTest.Executor.OUTBOX;
        try {
            // the worker pool runs intents side by side, and the relay marks a row delivered after its handler ran:
            // the expected effects and the bookkeeping of their rows may finish just after the marker
            await().atMost(Duration.ofSeconds(10)).until(() -> effects.ran(marker)
                    && cell.expectedRuns().stream().allMatch(suffix -> effects.ran(token + "-" + suffix))
                    && (!outbox || undelivered(dataSource, token).isEmpty()));
        } catch (ConditionTimeoutException e) {
            // what is missing shows in the comparison below
        }

        String expected = describe(200, "ok", cell.expectedRuns(), outbox, List.of(), true);
        String actual = describe(response.statusCode(), response.body().asString(), effects.runsOf(token), outbox,
                outbox ? undelivered(dataSource, token) : List.of(), effects.ran(marker));
        assertThat(actual).as("%s: %s", id, cell.expected().description).isEqualTo(expected);
    }

    private static String describe(int status, String body, List<String> ran, boolean outbox,
            List<String> undelivered, boolean markerRan) {
        StringBuilder out = new StringBuilder("answered ").append(status);
        if (status != 200 || !"ok".equals(body)) {
            // the first words of an error page name the exception; its stack trace is in the log
            out.append(" ").append(body, 0, Math.min(body.length(), 300));
        }
        out.append("; ran ").append(ran);
        if (outbox) {
            out.append("; left in the outbox ").append(undelivered);
        }
        if (!markerRan) {
            out.append("; the marker effect of a later committed request never ran");
        }
        return out.toString();
    }

    /** The outbox rows of the cell still to be delivered, held or pending, by suffix and status. */
    private static List<String> undelivered(AgroalDataSource dataSource, String token) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT args, status FROM airlock_outbox"
                        + " WHERE status IN ('PENDING', 'HELD') AND args LIKE ? ORDER BY args")) {
            statement.setString(1, "%\"" + token + "-%");
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1) + " " + result.getString(2));
                }
            }
        }
        return rows;
    }
}
