package io.quarkiverse.airlock.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkiverse.airlock.runtime.config.Durations;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({ "PT0.5S, 500ms", "PT5S, 5s", "PT1M30S, 1m30s", "PT5M, 5m", "PT2H, 2h", "PT36H, 1d12h",
            "PT1.25S, 1s250ms", "PT0S, 0s", "-PT5S, -5s", "PT0.0000015S, 1us" })
    void readsAsPeopleWriteIt(String iso, String expected) {
        assertThat(Durations.human(Duration.parse(iso))).isEqualTo(expected);
    }
}
