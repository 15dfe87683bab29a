package io.quarkiverse.airlock.test.devui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.devui.tests.DevUIJsonRPCTest;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * What the Airlock pages show of scopes opened by {@code @AirlockScope} methods and of intents that wait for a JTA
 * transaction, against an application in dev mode.
 */
public class DevUITransactionTest extends DevUIJsonRPCTest {

    @RegisterExtension
    static final QuarkusDevModeTest devMode = DevApps.onH2("devui-ledger", DevLedger.class);

    public DevUITransactionTest() {
        super("quarkus-airlock");
    }

    @Test
    void aCommittedIntentWaitsForTheCommitThenIsDispatchedAndARolledBackOneIsNot() throws Exception {
        given().post("/ledger/book/c1").then().statusCode(204);
        List<JsonNode> committed = history("c1");
        assertThat(committed).extracting(entry -> entry.get("outcome").asText())
                .as("newest first").containsExactly("DISPATCHED", "WAITING_FOR_COMMIT");
        assertThat(committed.get(1).get("detail").asText()).contains("commit");
        assertThat(committed.get(1).get("origin").asText()).isEqualTo("DevLedger#book");

        given().post("/ledger/abandon/r1").then().statusCode(204);
        List<JsonNode> rolledBack = history("r1");
        assertThat(rolledBack).extracting(entry -> entry.get("outcome").asText())
                .containsExactly("ROLLED_BACK", "WAITING_FOR_COMMIT");
        assertThat(rolledBack.get(0).get("detail").asText()).contains("rolled back");
        assertThat(executeJsonRPCMethod("getHistory", Map.of("task", "post", "outcome", "rolled back")))
                .extracting(entry -> entry.get("args").get(0).asText()).containsExactly("\"r1\"");
    }

    @Test
    void anIntentCapturedFromATransactionWaitsForItsCommitInTheEnclosingScope() throws Exception {
        given().post("/ledger/nested/n1").then().statusCode(204);
        assertThat(history("n1")).extracting(entry -> entry.get("outcome").asText())
                .containsExactly("DISPATCHED", "WAITING_FOR_COMMIT");

        given().queryParam("rollback", true).post("/ledger/nested/n2").then().statusCode(204);
        assertThat(history("n2")).extracting(entry -> entry.get("outcome").asText())
                .containsExactly("ROLLED_BACK", "WAITING_FOR_COMMIT");
    }

    @Test
    void aHeldAnnotatedScopeShowsItsMethodAsOriginAndTheLocalPoliciesOfItsIntent() throws Exception {
        CompletableFuture<Integer> held = CompletableFuture
                .supplyAsync(() -> given().post("/ledger/held/h1").then().extract().statusCode());

        JsonNode scope = await().atMost(Duration.ofSeconds(30)).until(this::heldScope, found -> found != null);
        assertThat(scope.get("depth").asInt()).isZero();
        JsonNode intent = scope.get("intents").get(0);
        assertThat(intent.get("name").asText()).isEqualTo("post");
        assertThat(intent.get("args").get(0).asText()).isEqualTo("\"h1\"");
        assertThat(intent.get("origin").asText()).isEqualTo("DevLedger#held");
        assertThat(intent.get("localPolicies")).hasSize(1);
        assertThat(intent.get("localPolicies").get(0).asText()).contains("BlockTasks").contains("audit");

        given().post("/ledger/release").then().statusCode(204);
        assertThat(held.get(30, TimeUnit.SECONDS)).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> heldScope() == null);
        assertThat(history("h1")).extracting(entry -> entry.get("outcome").asText()).containsExactly("DISPATCHED");
    }

    private JsonNode heldScope() throws Exception {
        for (JsonNode scope : executeJsonRPCMethod("getPending")) {
            if ("DevLedger#held".equals(scope.path("origin").asText()) && scope.get("intents").size() == 1) {
                return scope;
            }
        }
        return null;
    }

    /** The outcomes recorded for the post intent with this argument, newest first. */
    private List<JsonNode> history(String id) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode entry : executeJsonRPCMethod("getHistory", Map.of("task", "post", "outcome", ""))) {
            if (entry.get("args").get(0).asText().equals("\"" + id + "\"")) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
