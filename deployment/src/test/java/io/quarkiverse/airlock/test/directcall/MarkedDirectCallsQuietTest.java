package io.quarkiverse.airlock.test.directcall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Direct calls marked {@code @AirlockDirectCall} (on the method, covering its lambdas, or on the class, covering its
 * nested classes) are not reported, even with {@code quarkus.airlock.direct-calls=fail}.
 */
public class MarkedDirectCallsQuietTest {

    @RegisterExtension
    static final QuarkusUnitTest config = Probe.applicationWith()
            .overrideConfigKey("quarkus.airlock.direct-calls", "fail")
            .setLogRecordPredicate(record -> record.getLoggerName().endsWith("AirlockDirectCallProcessor"))
            .assertLogRecords(records -> assertThat(records).isEmpty());

    @Test
    void buildSucceeds() {
        // the build would fail on any reported call site
    }
}
