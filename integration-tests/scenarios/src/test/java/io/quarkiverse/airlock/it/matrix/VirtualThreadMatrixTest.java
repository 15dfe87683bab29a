package io.quarkiverse.airlock.it.matrix;

import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkiverse.airlock.test.matrix.MatrixApp;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The published composition matrix's "sync, virtual thread" column, for the scopes opened in code, against a real
 * {@code @RunOnVirtualThread} endpoint (the deployment module's suites compile for Java 17 and hop onto a virtual
 * thread themselves).
 */
@QuarkusTest
class VirtualThreadMatrixTest {

    @Inject
    MatrixApp.Effects effects;

    static Stream<String> rows() {
        return VirtualThreadCells.rows(false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void cell(String key) {
        VirtualThreadCells.check(key, effects);
    }
}
