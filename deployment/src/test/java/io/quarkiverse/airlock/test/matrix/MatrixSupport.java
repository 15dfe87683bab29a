package io.quarkiverse.airlock.test.matrix;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkiverse.airlock.Airlock;

/** Runs one cell against the application of one executor and checks its outcome against the cell's rule. */
final class MatrixSupport {

    private static final AtomicInteger TOKENS = new AtomicInteger();

    private MatrixSupport() {
    }

    static void check(String id, MatrixApp.Driver driver, MatrixApp.Effects effects) throws Exception {
        Cell cell = Cell.of(id);
        String token = "t" + TOKENS.incrementAndGet();
        if (cell.scope().overHttp()) {
            given().queryParam("cell", id).queryParam("token", token).post("/matrix").then().statusCode(200);
        } else {
            driver.run(cell, token);
        }
        for (String suffix : cell.expectedToRun()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> effects.ran.contains(token + "-" + suffix));
        }
        // anything wrongly dispatched would have been dispatched before an intent flushed after it: wait for one
        String marker = token + "-marker";
        Airlock.scope(scope -> Airlock.enqueue("effect", marker));
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.ran.contains(marker));
        List<String> ran = effects.ran.stream().filter(name -> name.startsWith(token + "-") && !name.equals(marker))
                .map(name -> name.substring(token.length() + 1)).toList();
        assertThat(ran).as(id + ": " + cell.outcome()).containsExactlyInAnyOrderElementsOf(cell.expectedToRun());
    }
}
