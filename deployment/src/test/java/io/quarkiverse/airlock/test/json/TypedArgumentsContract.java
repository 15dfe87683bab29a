package io.quarkiverse.airlock.test.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.UsageException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * What every executor that carries intents as JSON promises: the arguments reach the handler as its full generic
 * parameter types, exactly, and an argument that cannot travel is refused at enqueue, naming the transport. A subclass
 * per transport builds the application (with {@link TypedArguments} in it) and names the transport.
 */
public abstract class TypedArgumentsContract {

    /** An application of the contract and its handler, dispatching through {@code executor}, on a free HTTP port. */
    protected static QuarkusUnitTest applicationWith(String executor) {
        return new QuarkusUnitTest()
                .withApplicationRoot((JavaArchive jar) -> jar.addClasses(TypedArgumentsContract.class, TypedArguments.class))
                // other builds may run tests on this machine at the same time: no fixed port
                .overrideConfigKey("quarkus.http.test-port", "0")
                .overrideConfigKey("quarkus.airlock.executor", executor);
    }

    /** How the refusal of an argument that cannot travel names the transport. */
    protected abstract String transport();

    @Inject
    TypedArguments handler;

    @Test
    void everyArgumentArrivesAsItsDeclaredType() throws Exception {
        Airlock.scope(scope -> TypedArguments.enqueueShipment());

        await().atMost(Duration.ofSeconds(10)).until(() -> !handler.received.isEmpty());
        assertThat(handler.received.get(0)).containsExactlyElementsOf(TypedArguments.expected());
        assertThat(((List<?>) handler.received.get(0).get(0)).get(0)).isInstanceOf(Long.class);
    }

    @Test
    void anArgumentThatCannotTravelIsRefusedAtEnqueue() {
        assertThatThrownBy(() -> Airlock.scope(scope -> Airlock.enqueue("keep", new TypedArguments.Opaque(7))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Task 'keep': argument 0 (" + TypedArguments.Opaque.class.getName() + ")")
                .hasMessageContaining(transport());
    }
}
