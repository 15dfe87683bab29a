package io.quarkiverse.airlock.test.outbox;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.test.AbstractBuildFailureTest;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A table made by the first migration only (an upgrade that skipped the second, which adds the {@code owner} column
 * the relay's leases need) stops the start-up too, naming the migrations to run.
 */
public class OutboxMissingColumnTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-missing-column")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:outbox-missing-column;DB_CLOSE_DELAY=-1;"
                    + "INIT=RUNSCRIPT FROM 'classpath:db/airlock/h2/V1_0_0__airlock_outbox.sql'")
            .overrideConfigKey("quarkus.airlock.outbox.create-schema", "false")
            .assertException(failsMentioning(
                    "lacks columns the relay needs", "OWNER", "db/airlock/h2/V1_1_0__airlock_outbox_owner.sql"));
}
