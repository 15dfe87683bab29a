package io.quarkiverse.airlock.it.matrix;

import java.util.stream.Stream;

import io.quarkiverse.airlock.it.autoscope.AutoScopeOn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The published composition matrix's "sync, virtual thread" column, for the HTTP auto-scope alone and around an
 * {@code @AirlockScope} method, against a real {@code @RunOnVirtualThread} endpoint: the same check over the rows of
 * the auto-scope.
 */
@QuarkusTest
@TestProfile(AutoScopeOn.class)
class VirtualThreadAutoScopeMatrixTest extends VirtualThreadMatrixTest {

    static Stream<String> rows() {
        return VirtualThreadCells.rows(true);
    }
}
