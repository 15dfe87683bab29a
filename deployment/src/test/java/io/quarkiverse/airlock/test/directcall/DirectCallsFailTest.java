package io.quarkiverse.airlock.test.directcall;

import static org.assertj.core.api.Assertions.assertThat;

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
            .assertException(failure -> {
                DirectTaskCallException error = BuildFailures.find(failure, DirectTaskCallException.class);
                assertThat(error.getMessage())
                        .contains(Orders.class.getName() + "#checkout (line "
                                + SourceLines.lineOf(Orders.class, "// direct call") + ")")
                        .contains("'notifyWarehouse'")
                        .contains("Airlock.enqueue(")
                        .doesNotContain("Probe");
            });

    @Test
    void buildFails() {
        // assertException checks the failure
    }
}
