package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** API.md section 6: the exception hierarchy; all unchecked. */
class ExceptionHierarchyTest extends AirlockTestSupport {

    @Test
    void airlockExceptionIsUnchecked() {
        assertThat(RuntimeException.class).isAssignableFrom(AirlockException.class);
    }

    @Test
    void usageExceptionExtendsAirlockException() {
        assertThat(UsageException.class.getSuperclass()).isEqualTo(AirlockException.class);
    }

    @Test
    void noScopeExceptionExtendsUsageException() {
        assertThat(NoScopeException.class.getSuperclass()).isEqualTo(UsageException.class);
    }

    @Test
    void policyEnqueueExceptionExtendsUsageException() {
        assertThat(PolicyEnqueueException.class.getSuperclass()).isEqualTo(UsageException.class);
    }

    @Test
    void scopeStateExceptionExtendsAirlockException() {
        assertThat(ScopeStateException.class.getSuperclass()).isEqualTo(AirlockException.class);
        assertThat(UsageException.class.isAssignableFrom(ScopeStateException.class)).isFalse();
    }

    @Test
    void policyViolationExceptionExtendsAirlockException() {
        assertThat(PolicyViolationException.class.getSuperclass()).isEqualTo(AirlockException.class);
        assertThat(UsageException.class.isAssignableFrom(PolicyViolationException.class)).isFalse();
    }

    @Test
    void everyAirlockExceptionIsUnchecked() {
        for (Class<?> type : new Class<?>[] { AirlockException.class, UsageException.class, NoScopeException.class,
                PolicyEnqueueException.class, ScopeStateException.class, PolicyViolationException.class }) {
            assertThat(RuntimeException.class).as(type.getSimpleName()).isAssignableFrom(type);
        }
    }

    @Test
    void thrownNoScopeExceptionIsCatchableAsUsageAndAirlockException() {
        Throwable thrown = null;
        try {
            Airlock.enqueue("task", 1);
        } catch (UsageException e) {
            thrown = e;
        }

        assertThat(thrown).isInstanceOf(NoScopeException.class).isInstanceOf(AirlockException.class);
    }

    @Test
    void thrownScopeStateExceptionIsCatchableAsAirlockException() {
        Throwable thrown = null;
        try {
            new Scope(new DropAll(), intent -> {
            }).exit();
        } catch (AirlockException e) {
            thrown = e;
        }

        assertThat(thrown).isInstanceOf(ScopeStateException.class);
    }

    @Test
    void policyViolationExceptionCanBeThrownByUserPoliciesWithAMessage() {
        PolicyViolationException violation = new PolicyViolationException("no emails in tests");

        assertThat(violation).hasMessage("no emails in tests").isInstanceOf(AirlockException.class);
    }
}
