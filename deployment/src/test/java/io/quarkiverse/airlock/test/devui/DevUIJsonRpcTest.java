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

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.devui.tests.DevUIJsonRPCTest;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * The JSON-RPC service behind the Airlock pages, driven like the Dev UI does, against an application in dev mode.
 */
public class DevUIJsonRpcTest extends DevUIJsonRPCTest {

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(DevShop.class, DevShop.Resource.class, DevShop.Tasks.class,
                    DevShop.Hostile.class, DevShop.Asserting.class)
                    .addAsResource(new StringAsset("quarkus.airlock.http.auto-scope=true\n"), "application.properties"));

    public DevUIJsonRpcTest() {
        super("quarkus-airlock");
    }

    @Test
    void pendingShowsTheScopeOfARequestHeldOpenThenHistoryShowsItsDispatch() throws Exception {
        CompletableFuture<String> checkout = CompletableFuture.supplyAsync(
                () -> given().queryParam("note", "rush").post("/dev-shop/orders/7").then().statusCode(200)
                        .extract().asString());

        JsonNode scope = await().atMost(Duration.ofSeconds(30)).until(() -> scopeFrom("POST /dev-shop/orders/7"),
                found -> found != null && found.get("intents").size() == 1);
        assertThat(scope.get("policy").asText()).isEqualTo("AllowAll");
        assertThat(scope.get("executor").asText()).containsIgnoringCase("sync");
        assertThat(scope.get("depth").asInt()).isZero();
        JsonNode intent = scope.get("intents").get(0);
        assertThat(intent.get("name").asText()).isEqualTo("notifyWarehouse");
        assertThat(texts(intent.get("args"))).containsExactly("\"7\"", "\"rush\"");
        assertThat(intent.get("origin").asText()).isEqualTo("POST /dev-shop/orders/7");
        assertThat(executeJsonRPCMethod("getCounts").get("pending").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(history("notifyWarehouse", "")).noneMatch(entry -> entry.get("args").toString().contains("\"7\""));

        given().post("/dev-shop/orders/7/release").then().statusCode(204);
        assertThat(checkout.get(30, TimeUnit.SECONDS)).isEqualTo("checked out 7");

        await().atMost(Duration.ofSeconds(30)).until(() -> scopeFrom("POST /dev-shop/orders/7") == null);
        JsonNode dispatched = history("notifyWarehouse", "dispatched").stream()
                .filter(entry -> texts(entry.get("args")).contains("\"7\"")).findFirst().orElseThrow();
        assertThat(dispatched.get("origin").asText()).isEqualTo("POST /dev-shop/orders/7");
        assertThat(dispatched.get("detail").asText()).containsIgnoringCase("sync");
    }

    /**
     * One application start for every outcome: dev mode restarts the application for each test method.
     */
    @Test
    void historyRecordsEachOutcomeNewestFirstAndClears() throws Exception {
        given().post("/dev-shop/declined/8").then().statusCode(402);
        JsonNode discarded = only(history("notifyWarehouse", "discarded"), "\"8\"");
        assertThat(discarded.get("outcome").asText()).isEqualTo("DISCARDED");
        assertThat(discarded.get("detail").asText()).contains("402");

        given().post("/dev-shop/quiet/9").then().statusCode(200);
        JsonNode dropped = only(history("notifyWarehouse", "dropped"), "\"9\"");
        assertThat(dropped.get("detail").asText()).startsWith("by ").contains("BlockTasks").contains("notifyWarehouse");
        assertThat(history("notifyWarehouse", "dispatched")).noneMatch(entry -> texts(entry.get("args")).contains("\"9\""));

        assertThat(executeJsonRPCMethod("getCounts").get("failed").asInt()).isZero();
        given().post("/dev-shop/charge/10");
        JsonNode failed = only(history("chargecard", "failed"), "\"10\"");
        assertThat(failed.get("detail").asText()).contains("IllegalStateException").contains("card declined for order 10");
        assertThat(only(history("chargeCard", "DISPATCHED"), "\"10\"")).isNotNull();
        assertThat(executeJsonRPCMethod("getCounts").get("failed").asInt()).isEqualTo(1);

        given().post("/dev-shop/audit").then().statusCode(200);
        List<String> rendered = new ArrayList<>();
        for (JsonNode entry : history("audit", "dispatched")) {
            rendered.add(texts(entry.get("args")).get(0));
        }
        assertThat(rendered).contains(
                "<" + DevShop.Hostile.class.getName() + ": toString() threw java.lang.UnsupportedOperationException>",
                "<" + DevShop.Asserting.class.getName() + ": toString() threw java.lang.AssertionError>",
                "\"two\\nlines\"");
        String longOne = rendered.stream().filter(text -> text.startsWith("\"<b>bold</b>")).findFirst().orElseThrow();
        assertThat(longOne).endsWith("… (1100 characters)\"").hasSizeLessThan(400);

        List<JsonNode> all = history("", "");
        assertThat(all.get(0).get("task").asText()).isEqualTo("audit");
        assertThat(all.get(all.size() - 1).get("outcome").asText()).isEqualTo("DISCARDED");
        assertThat(all).extracting(entry -> entry.get("id").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        assertThat(executeJsonRPCMethod("clearHistory").asInt()).isEqualTo(all.size());
        assertThat(history("", "")).isEmpty();
        assertThat(executeJsonRPCMethod("getCounts").get("failed").asInt()).isZero();

        String buildTimeData = given().get("/q/dev-ui/quarkus-airlock-data.js").then().statusCode(200)
                .extract().asString();
        assertThat(buildTimeData).contains("notifyWarehouse", "chargeCard", "audit", DevShop.Tasks.class.getName(),
                "java.lang.Object", "quarkus.airlock.http.auto-scope", "quarkus.airlock.enabled");
        // the pages import their shared styles relative to themselves: the module is served beside them
        for (String page : List.of("qwc-airlock-intents.js", "qwc-airlock-history.js", "qwc-airlock-tasks.js",
                "qwc-airlock-configuration.js")) {
            assertThat(given().get("/q/dev-ui/quarkus-airlock/" + page).then().statusCode(200).extract().asString())
                    .contains("import { tableStyles } from './airlock-styles.js';");
        }
        assertThat(given().get("/q/dev-ui/quarkus-airlock/airlock-styles.js").then().statusCode(200).extract().asString())
                .contains("export const tableStyles");
        // every property with a default is listed with it, run-time ones too, read from the configuration mappings
        assertThat(buildTimeData.replaceAll("\\s+", ""))
                .contains("\"name\":\"quarkus.airlock.outbox.table\",\"value\":\"airlock_outbox\",\"source\":\"default\"")
                .contains("\"name\":\"quarkus.airlock.outbox.handler-timeout\",\"value\":\"1m\",\"source\":\"default\"")
                .contains("\"name\":\"quarkus.airlock.messaging.consumer.dedupe-window\",\"value\":\"10000\"")
                .contains(
                        "\"name\":\"quarkus.airlock.http.auto-scope\",\"value\":\"true\",\"source\":\"application.properties\"");
    }

    private JsonNode scopeFrom(String origin) throws Exception {
        for (JsonNode scope : executeJsonRPCMethod("getPending")) {
            if (origin.equals(scope.path("origin").asText())) {
                return scope;
            }
        }
        return null;
    }

    private List<JsonNode> history(String task, String outcome) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        executeJsonRPCMethod("getHistory", Map.of("task", task, "outcome", outcome)).forEach(entries::add);
        return entries;
    }

    private static JsonNode only(List<JsonNode> entries, String firstArg) {
        List<JsonNode> matching = entries.stream().filter(entry -> texts(entry.get("args")).get(0).equals(firstArg))
                .toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
