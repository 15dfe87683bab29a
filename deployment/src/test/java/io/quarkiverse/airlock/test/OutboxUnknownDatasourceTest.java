package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.InvalidOutboxException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An outbox pointed at a datasource the application does not declare fails the build, listing the ones it does.
 */
public class OutboxUnknownDatasourceTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:unknown-ds")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.airlock.outbox.enabled", "true")
            .overrideConfigKey("quarkus.airlock.outbox.datasource", "orders")
            .assertException(failure -> assertThat(BuildFailures.find(failure, InvalidOutboxException.class))
                    .hasMessageContainingAll("quarkus.airlock.outbox.datasource=orders", "names no JDBC datasource",
                            "[<default>]"));

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
