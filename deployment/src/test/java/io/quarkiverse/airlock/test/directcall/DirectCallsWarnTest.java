package io.quarkiverse.airlock.test.directcall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * By default the build reports direct calls to task methods in one warning naming class, method and line, and says how
 * to route them through Airlock; call sites marked {@code @AirlockDirectCall} are left out.
 */
public class DirectCallsWarnTest {

    @RegisterExtension
    static final QuarkusUnitTest config = Probe.applicationWith(Orders.class)
            .setLogRecordPredicate(record -> record.getLoggerName().endsWith("AirlockDirectCallProcessor"))
            .assertLogRecords(records -> {
                assertThat(records).as("one warning for all call sites").hasSize(1);
                assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
                DirectCallReport.assertReportsTheCall(records.get(0).getMessage())
                        .contains("1 direct call(s)")
                        .contains(DirectCallReport.callSite() + " calls task 'notifyWarehouse'")
                        .contains("@AirlockDirectCall");
            });

    @Test
    void theApplicationStillStarts() {
        // the warning is asserted once the application has stopped
    }
}
