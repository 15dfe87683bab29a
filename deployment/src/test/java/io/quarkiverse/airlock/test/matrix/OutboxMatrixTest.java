package io.quarkiverse.airlock.test.matrix;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The composition matrix with the outbox: the scopes opened in code, without the HTTP auto-scope, every
 * transaction ending and method kind.
 */
@MatrixTest.Columns(executor = MatrixTest.Executor.OUTBOX, autoScope = false)
public class OutboxMatrixTest extends MatrixTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(OutboxMatrixTest.class);
}
