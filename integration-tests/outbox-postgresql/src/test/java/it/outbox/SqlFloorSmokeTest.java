package it.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * sql-floor.sh at toy sizes, in the normal build, so that the figure the performance page compares the outbox with
 * keeps being measurable: it runs against the test database and prints a committed and a relayed rate. Its numbers
 * mean nothing.
 */
class SqlFloorSmokeTest {

    private static final Pattern RESULT = Pattern.compile("(?m)^16\\s+1\\s+(\\d+)\\s+(\\d+)\\s+\\d+$");

    @Test
    void printsACommittedAndARelayedRate() throws IOException, InterruptedException {
        ProcessBuilder script = new ProcessBuilder(List.of("bash", "sql-floor.sh")).redirectErrorStream(true);
        script.environment().putAll(Map.of("GROUP_SIZES", "16", "REPEATS", "1", "SECONDS_EACH", "2"));
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        var result = RESULT.matcher(output);
        assertThat(result.find()).as(output).isTrue();
        long committed = Long.parseLong(result.group(1));
        long relayed = Long.parseLong(result.group(2));
        assertThat(committed).as(output).isPositive();
        assertThat(relayed).as(output).isPositive().isLessThanOrEqualTo(committed);
    }
}
