package io.quarkiverse.airlock.test.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.UsageException;
import io.quarkus.test.QuarkusUnitTest;

/** Arguments sent over the Vert.x event bus reach the handler as its full generic parameter types, exactly. */
public class EventBusTypedArgumentsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(TypedArguments.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.airlock.executor", "event-bus");

    @Inject
    TypedArguments handler;

    @Test
    void everyArgumentArrivesAsItsDeclaredType() throws Exception {
        Airlock.scope(scope -> TypedArguments.enqueueShipment());

        await().atMost(Duration.ofSeconds(10)).until(() -> !handler.received.isEmpty());
        assertThat(handler.received.get(0)).containsExactlyElementsOf(TypedArguments.expected());
        assertThat(((java.util.List<?>) handler.received.get(0).get(0)).get(0)).isInstanceOf(Long.class);
    }

    @Test
    void anArgumentThatCannotTravelIsRefusedAtEnqueue() {
        assertThatThrownBy(() -> Airlock.scope(scope -> Airlock.enqueue("keep", new TypedArguments.Opaque(7))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Task 'keep': argument 0 (" + TypedArguments.Opaque.class.getName() + ")")
                .hasMessageContaining("the event bus");
    }
}
