package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.Intent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A test of an application whose code enqueues {@code record} intents into a {@link Recorder}: each test starts with
 * nothing recorded and must leave no scope open, on its thread or anywhere.
 */
public abstract class RecordingTest {

    /** An application of the given classes, the recorder and this class, on a free HTTP port. */
    protected static QuarkusUnitTest application(Class<?>... classes) {
        return new QuarkusUnitTest()
                .withApplicationRoot((JavaArchive jar) -> jar.addClasses(RecordingTest.class, Recorder.class)
                        .addClasses(classes))
                // other builds may run tests on this machine at the same time: no fixed port
                .overrideConfigKey("quarkus.http.test-port", "0");
    }

    @Inject
    protected Recorder handlers;

    @BeforeEach
    void recordNothingYet() {
        handlers.clear();
    }

    @AfterEach
    void noScopeLeft() {
        assertThat(Airlock.currentScope()).as("a scope left on the test thread").isEmpty();
        assertThat(Airlock.openScopes()).as("scopes left open").isZero();
    }

    /** The first argument of each intent: what a {@code record} intent records. */
    protected static List<Object> args(List<Intent> intents) {
        return intents.stream().map(intent -> intent.args().get(0)).toList();
    }
}
