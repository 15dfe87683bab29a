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
                String message = records.get(0).getMessage();
                assertThat(message)
                        .contains("1 direct call(s)")
                        .contains(Orders.class.getName() + "#checkout (line "
                                + SourceLines.lineOf(Orders.class, "// direct call") + ") calls task 'notifyWarehouse'")
                        .contains("Airlock.enqueue(")
                        .contains("@AirlockDirectCall")
                        .doesNotContain("Probe");
            });

    @Test
    void theApplicationStillStarts() {
        // the warning is asserted once the application has stopped
    }
}
