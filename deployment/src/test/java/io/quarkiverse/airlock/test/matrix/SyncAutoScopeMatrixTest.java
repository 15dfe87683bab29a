package io.quarkiverse.airlock.test.matrix;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The composition matrix with the sync executor: the HTTP auto-scope, alone and around an
 * {@code @AirlockScope} method, every transaction ending and method kind.
 */
@MatrixTest.Columns(executor = MatrixTest.Executor.SYNC, autoScope = true)
public class SyncAutoScopeMatrixTest extends MatrixTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(SyncAutoScopeMatrixTest.class);

    /**
     * Not a cell: Quarkus refuses to begin a JTA transaction on an event-loop thread, so a {@code @Transactional}
     * service returning {@code Uni} needs a {@code @Blocking} endpoint. The request fails and nothing escapes.
     */
    @Test
    void aTransactionOnTheEventLoopIsRefusedAndNothingRuns() {
        String cell = new Cell(Cell.ScopeKind.AUTO_SCOPE, Cell.Tx.COMMIT, Cell.MethodKind.UNI).id();
        given().queryParam("cell", cell).queryParam("token", "refused").post("/matrix/uni-on-event-loop").then()
                .statusCode(500).body(containsString("Cannot start a JTA transaction from the IO thread"));

        given().queryParam("token", "refused-marker").post("/matrix/marker").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.ran("refused-marker"));
        assertThat(effects.ran("refused-main")).isFalse();
    }
}
