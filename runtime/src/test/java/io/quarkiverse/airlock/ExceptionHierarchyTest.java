package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** API.md section 6: the exception hierarchy; all unchecked. */
class ExceptionHierarchyTest extends AirlockTestSupport {

    @Test
    void airlockExceptionIsUnchecked() {
        assertThat(RuntimeException.class).isAssignableFrom(AirlockException.class);
    }

    static Stream<Arguments> directSuperclasses() {
        return Stream.of(arguments(UsageException.class, AirlockException.class),
                arguments(NoScopeException.class, UsageException.class),
                arguments(PolicyEnqueueException.class, UsageException.class),
                arguments(ScopeStateException.class, AirlockException.class),
                arguments(PolicyViolationException.class, AirlockException.class));
    }

    @ParameterizedTest(name = "{0} extends {1}")
    @MethodSource("directSuperclasses")
    void eachExceptionExtendsItsDocumentedParent(Class<?> type, Class<?> parent) {
        assertThat(type.getSuperclass()).isEqualTo(parent);
    }

    @Test
    void stateAndViolationFailuresAreNotUsageErrors() {
        assertThat(UsageException.class.isAssignableFrom(ScopeStateException.class)).isFalse();
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
