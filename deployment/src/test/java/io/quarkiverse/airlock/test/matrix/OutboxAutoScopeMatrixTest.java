package io.quarkiverse.airlock.test.matrix;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The composition matrix with the outbox: the HTTP auto-scope, alone and around an
 * {@code @AirlockScope} method, every transaction ending and method kind.
 */
@MatrixTest.Columns(executor = MatrixTest.Executor.OUTBOX, autoScope = true)
public class OutboxAutoScopeMatrixTest extends MatrixTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(OutboxAutoScopeMatrixTest.class);
}
