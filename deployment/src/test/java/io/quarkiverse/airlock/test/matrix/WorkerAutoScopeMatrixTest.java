package io.quarkiverse.airlock.test.matrix;

import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The composition matrix with the worker executor: the HTTP auto-scope, alone and around an
 * {@code @AirlockScope} method, every transaction ending and method kind.
 */
public class WorkerAutoScopeMatrixTest {

    @RegisterExtension
    static final QuarkusUnitTest config = MatrixApp.app(MatrixApp.Executor.WORKER, true);

    @Inject
    MatrixApp.Effects effects;

    @Inject
    AgroalDataSource dataSource;

    static List<String> cells() {
        return Cell.of(true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void cell(String id) throws SQLException {
        MatrixSupport.check(id, MatrixApp.Executor.WORKER, effects, dataSource);
    }
}
