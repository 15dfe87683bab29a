package it.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The broker under test, as the shared tests see it: each broker module provides it as a bean of its tests.
 */
public interface Broker {

    /** Stops the broker as an outage would: clients lose their connections, stored messages survive. */
    void stop();

    /** Starts it again and returns once it accepts clients. */
    void start();

    /** Whether every message sent to the shop was consumed and acknowledged, by Airlock's consumer and by the tap. */
    boolean drained();

    /** Runs {@code command}, fails the test unless it exits with 0 within two minutes, and returns its output. */
    static String run(String... command) {
        String line = String.join(" ", command);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", line).isTrue();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("%s: %s", line, out).isZero();
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + line + ": is the broker's script under .ci/services installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
