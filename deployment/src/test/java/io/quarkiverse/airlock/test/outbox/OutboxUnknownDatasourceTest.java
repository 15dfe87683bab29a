package io.quarkiverse.airlock.test.outbox;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.InvalidOutboxException;
import io.quarkiverse.airlock.test.AbstractBuildFailureTest;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An outbox pointed at a datasource the application does not declare fails the build, listing the ones it does.
 */
public class OutboxUnknownDatasourceTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("unknown-ds")
            .overrideConfigKey("quarkus.airlock.outbox.datasource", "orders")
            .assertException(failsWith(InvalidOutboxException.class,
                    "quarkus.airlock.outbox.datasource=orders", "names no JDBC datasource",
                    "[<default>]"));
}
