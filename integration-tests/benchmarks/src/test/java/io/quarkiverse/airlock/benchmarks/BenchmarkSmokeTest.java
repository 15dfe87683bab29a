package io.quarkiverse.airlock.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark once, briefly, so the suite cannot rot between real runs. Measures nothing worth reading.
 */
class BenchmarkSmokeTest {

    @Test
    void everyBenchmarkRunsAndScores() throws Exception {
        Options options = new OptionsBuilder()
                .include("io.quarkiverse.airlock.benchmarks.*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .timeUnit(TimeUnit.NANOSECONDS)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).hasSize(10);
        for (RunResult result : results) {
            double score = result.getPrimaryResult().getScore();
            assertThat(score).as(result.getParams().getBenchmark()).isPositive().isFinite();
        }
    }
}
