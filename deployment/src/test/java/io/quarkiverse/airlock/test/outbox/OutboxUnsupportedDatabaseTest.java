package io.quarkiverse.airlock.test.outbox;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.InvalidOutboxException;
import io.quarkiverse.airlock.test.AbstractBuildFailureTest;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An outbox on a datasource of a database it has no dialect for fails the build, naming the databases it supports.
 * (H2's driver stands in for the unsupported database: only the declared kind matters at build time.)
 */
public class OutboxUnsupportedDatabaseTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.datasource.db-kind", "other")
            .overrideConfigKey("quarkus.datasource.jdbc.driver", "org.h2.Driver")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:unsupported")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.airlock.outbox.enabled", "true")
            .assertException(failsWith(InvalidOutboxException.class, "supports PostgreSQL, MariaDB (or MySQL) and H2",
                    "datasource <default> is other", "quarkus.airlock.outbox.datasource"));
}
