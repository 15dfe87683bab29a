package io.quarkiverse.airlock.it.matrix;

import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The published composition matrix's "sync, virtual thread" column, for the HTTP auto-scope alone and around an
 * {@code @AirlockScope} method, against a real {@code @RunOnVirtualThread} endpoint: the same check over the rows of
 * the auto-scope.
 */
@QuarkusTest
@TestProfile(VirtualThreadAutoScopeMatrixTest.AutoScope.class)
class VirtualThreadAutoScopeMatrixTest extends VirtualThreadMatrixTest {

    public static class AutoScope implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.airlock.http.auto-scope", "true");
        }
    }

    static Stream<String> rows() {
        return VirtualThreadCells.rows(true);
    }
}
