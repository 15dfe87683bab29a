package io.quarkiverse.airlock.test.directcall;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.DirectTaskCallException;
import io.quarkiverse.airlock.test.BuildFailures;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code quarkus.airlock.direct-calls=fail} a direct call to a task method fails the build, naming class, method
 * and line.
 */
public class DirectCallsFailTest {

    @RegisterExtension
    static final QuarkusUnitTest config = Probe.applicationWith(Orders.class)
            .overrideConfigKey("quarkus.airlock.direct-calls", "fail")
            .assertException(failure -> DirectCallReport.assertReportsTheCall(
                    BuildFailures.find(failure, DirectTaskCallException.class).getMessage()));

    @Test
    void buildFails() {
        // assertException checks the failure
    }
}
