package io.quarkiverse.airlock.benchmarks.quarkus;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.quarkiverse.airlock.Airlock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One short iteration of every in-application benchmark, so that they cannot rot, and a check that each does what
 * its name says: the side effects really run after the commits, the endpoints answer.
 */
@QuarkusTest
class BenchmarkSmokeTest {

    @Inject
    SideEffects sideEffects;

    @Test
    void everyTransactionBenchmarkRunsAndItsSideEffectsRunAfterTheCommit() throws Exception {
        long airlockBefore = sideEffects.airlockRuns();
        long observerBefore = sideEffects.observerRuns();

        Collection<RunResult> results = runOnce(TransactionBenchmark.class, 200);

        assertThat(results).extracting(result -> result.getParams().getBenchmark().replaceAll(".*\\.", ""))
                .containsExactlyInAnyOrderElementsOf(
                        List.of("bareCommit", "oneSynchronization", "observer1", "observer10", "airlock1", "airlock10",
                                "airlock10WithoutTransaction", "airlock10Discarded"));
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
        assertThat(sideEffects.airlockRuns()).isGreaterThan(airlockBefore);
        assertThat(sideEffects.observerRuns()).isGreaterThan(observerBefore);
    }

    @Test
    void everyNarayanaCallBenchmarkRuns() throws Exception {
        Collection<RunResult> results = runOnce(NarayanaCallsBenchmark.class, 100);

        assertThat(results).extracting(result -> result.getParams().getBenchmark().replaceAll(".*\\.", ""))
                .containsExactlyInAnyOrder("currentThroughManager", "currentFromNarayana", "localResource",
                        "suspendAndResumeAssociation", "popAndPushAction");
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }

    /** Every benchmark of the class, one iteration of {@code millis} each, in this JVM (the started application). */
    private static Collection<RunResult> runOnce(Class<?> benchmarks, long millis) throws Exception {
        return new Runner(new OptionsBuilder()
                .include(benchmarks.getName())
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(millis))
                .timeUnit(TimeUnit.NANOSECONDS)
                .build()).run();
    }

    @Test
    void theScopedEndpointRunsItsSideEffectBeforeAnswering() {
        long before = sideEffects.airlockRuns();

        get("/bench/scoped").then().statusCode(200).body(is("ok"));

        assertThat(sideEffects.airlockRuns()).isEqualTo(before + 1);
        get("/bench/plain").then().statusCode(200).body(is("ok"));
    }

    @Test
    void theEmptyScopedEndpointAnswersLikeThePlainOneAndClosesItsScope() {
        get("/bench/scoped-empty").then().statusCode(200).body(is("ok"));

        assertThat(Airlock.openScopes()).isZero();
    }
}
