package io.quarkiverse.airlock.test.matrix;

import jakarta.inject.Inject;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.QuarkusUnitTest;

/** The composition matrix with the worker executor: every scope kind, transaction ending and method kind. */
public class WorkerMatrixTest {

    @RegisterExtension
    static final QuarkusUnitTest config = MatrixApp.with("matrix-worker").overrideConfigKey("quarkus.airlock.executor", "worker");

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
