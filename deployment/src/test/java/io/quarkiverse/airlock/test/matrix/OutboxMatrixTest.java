package io.quarkiverse.airlock.test.matrix;

import jakarta.inject.Inject;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.QuarkusUnitTest;

/** The composition matrix with the outbox executor: every scope kind, transaction ending and method kind. */
public class OutboxMatrixTest {

    @RegisterExtension
    static final QuarkusUnitTest config = MatrixApp.with("matrix-outbox").overrideConfigKey("quarkus.airlock.outbox.enabled", "true").overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");

    @Inject
    MatrixApp.Driver driver;

    @Inject
    MatrixApp.Effects effects;

    static java.util.List<String> cells() {
        return Cell.all();
    }

    @ParameterizedTest
    @MethodSource("cells")
    void cell(String id) throws Exception {
        MatrixSupport.check(id, driver, effects);
    }
}
