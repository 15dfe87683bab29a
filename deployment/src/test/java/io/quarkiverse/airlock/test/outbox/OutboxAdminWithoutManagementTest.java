package io.quarkiverse.airlock.test.outbox;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.test.AbstractBuildFailureTest;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The dead-letter endpoints are never served on the main HTTP port, nor without authentication: enabling them without
 * the management interface and a mechanism on it fails the build, naming what to add.
 */
public class OutboxAdminWithoutManagementTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-admin-unprotected")
            .overrideConfigKey("quarkus.airlock.outbox.admin.enabled", "true")
            .assertException(failsMentioning(
                    "quarkus.airlock.outbox.admin.enabled=true serves dead letters to operators, and needs",
                    "the management interface (quarkus.management.enabled=true)",
                    "authentication on the management interface (quarkus.management.auth.basic=true"));
}
