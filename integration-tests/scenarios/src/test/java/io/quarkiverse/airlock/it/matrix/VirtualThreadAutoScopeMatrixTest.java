package io.quarkiverse.airlock.it.matrix;

import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The published composition matrix's "sync, virtual thread" column, for the HTTP auto-scope alone and around an
 * {@code @AirlockScope} method, against a real {@code @RunOnVirtualThread} endpoint.
 */
@QuarkusTest
@TestProfile(VirtualThreadAutoScopeMatrixTest.AutoScope.class)
class VirtualThreadAutoScopeMatrixTest {

    public static class AutoScope implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.airlock.http.auto-scope", "true");
        }
    }

    @Inject
    MatrixEffects effects;

    static Stream<String> rows() {
        return VirtualThreadCells.rows(true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void cell(String key) {
        VirtualThreadCells.check(key, effects);
    }
}
