package io.quarkiverse.airlock.it.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.UsageException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * What tasks-and-executors.adoc says about {@code quarkus.airlock.enabled=false}.
 */
@QuarkusTest
@TestProfile(DisabledTest.Disabled.class)
class DisabledTest extends AuditedTest {

    public static class Disabled extends ConfigOverride {
        public Disabled() {
            super("quarkus.airlock.enabled", "false");
        }
    }

    @Test
    void scopesBufferAndValidateButNothingRuns() {
        Scope scope = Airlock.scope(s -> Airlock.enqueue("audit.record", "exported", 7L));

        assertThat(scope.isFlushed()).isTrue();
        assertThat(scope.intents()).hasSize(1);
        assertThat(audit.calls).isEmpty();
        assertThatThrownBy(() -> Airlock.scope(s -> Airlock.enqueue("audit.recrod", "exported", 7L)))
                .isInstanceOf(UsageException.class);
    }
}
