package io.quarkiverse.airlock.it.shop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A bulk job changes data without telling anyone, unless asked to.
 */
@QuarkusTest
class BackfillTest extends ShopTest {

    @Test
    void backfillUnderDropAllKeepsDataChangesAndDispatchesNothing() {
        long first = createOrder("ann");
        long second = createOrder("ben");

        BackfillResource.Report report = given().post("/backfill").then().statusCode(200).extract()
                .as(BackfillResource.Report.class);

        assertThat(report.processed()).isEqualTo(2);
        assertThat(report.policy()).isEqualTo("DropAll");
        assertThat(report.intents()).containsExactly("notifyWarehouse(" + first + ")",
                "sendConfirmationEmail(" + first + ")", "notifyWarehouse(" + second + ")",
                "sendConfirmationEmail(" + second + ")");
        assertThat(report.dispatched()).isZero();
        assertThat(sideEffects()).isEmpty();
        assertThat(status(first)).isEqualTo("PROCESSED");
        assertThat(status(second)).isEqualTo("PROCESSED");
    }

    @Test
    void backfillWithoutDryRunLetsEverythingOut() {
        long id = createOrder("cy");

        BackfillResource.Report report = given().queryParam("dryRun", false).post("/backfill").then().statusCode(200)
                .extract().as(BackfillResource.Report.class);

        assertThat(report.policy()).isEqualTo("AllowAll");
        assertThat(report.dispatched()).isEqualTo(2);
        assertThat(sideEffects()).extracting(SideEffectResource.Effect::task)
                .containsExactly("notifyWarehouse", "sendConfirmationEmail");
        assertThat(sideEffects()).extracting(SideEffectResource.Effect::orderId).containsOnly(id);
    }
}
