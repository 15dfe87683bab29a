package io.quarkiverse.airlock.test.matrix;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The composition matrix with the worker executor: the HTTP auto-scope, alone and around an
 * {@code @AirlockScope} method, every transaction ending and method kind.
 */
@MatrixTest.Columns(executor = MatrixTest.Executor.WORKER, autoScope = true)
public class WorkerAutoScopeMatrixTest extends MatrixTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(WorkerAutoScopeMatrixTest.class);
}
