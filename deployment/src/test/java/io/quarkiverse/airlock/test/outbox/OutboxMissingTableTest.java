package io.quarkiverse.airlock.test.outbox;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.test.AbstractBuildFailureTest;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code create-schema=false} (the production default) and no table, the application does not start: the message
 * names the table, its datasource, the shipped migrations and the property that lets Airlock create it. It used to
 * start, and every order then failed.
 */
public class OutboxMissingTableTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-missing-table")
            .overrideConfigKey("quarkus.airlock.outbox.create-schema", "false")
            .assertException(failsMentioning(
                    "The Airlock outbox table airlock_outbox of datasource <default> is missing",
                    "db/airlock/h2/V1_0_0__airlock_outbox.sql and db/airlock/h2/V1_1_0__airlock_outbox_owner.sql and"
                            + " db/airlock/h2/V1_2_0__airlock_outbox_ordering.sql",
                    "quarkus.flyway.locations=db/airlock/h2",
                    "db/airlock/liquibase/airlock-outbox.changelog.xml",
                    "quarkus.airlock.outbox.create-schema=true"));
}
