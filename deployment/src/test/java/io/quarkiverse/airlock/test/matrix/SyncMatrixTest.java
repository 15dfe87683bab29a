package io.quarkiverse.airlock.test.matrix;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The composition matrix with the sync executor: the scopes opened in code, without the HTTP auto-scope, every
 * transaction ending and method kind.
 */
@MatrixTest.Columns(executor = MatrixTest.Executor.SYNC, autoScope = false)
public class SyncMatrixTest extends MatrixTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(SyncMatrixTest.class);
}
