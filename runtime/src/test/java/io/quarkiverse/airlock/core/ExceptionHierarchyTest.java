package io.quarkiverse.airlock.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.AirlockException;
import io.quarkiverse.airlock.NoScopeException;
import io.quarkiverse.airlock.PolicyEnqueueException;
import io.quarkiverse.airlock.PolicyViolationException;
import io.quarkiverse.airlock.ScopeStateException;
import io.quarkiverse.airlock.UsageException;

class ExceptionHierarchyTest {

    @Test
    void allAreUncheckedAirlockExceptions() {
        assertThat(RuntimeException.class).isAssignableFrom(AirlockException.class);
        assertThat(AirlockException.class).isAssignableFrom(UsageException.class);
        assertThat(UsageException.class).isAssignableFrom(NoScopeException.class);
        assertThat(UsageException.class).isAssignableFrom(PolicyEnqueueException.class);
        assertThat(AirlockException.class).isAssignableFrom(ScopeStateException.class);
        assertThat(AirlockException.class).isAssignableFrom(PolicyViolationException.class);
        assertThat(UsageException.class.isAssignableFrom(ScopeStateException.class)).isFalse();
        assertThat(UsageException.class.isAssignableFrom(PolicyViolationException.class)).isFalse();
    }
}
