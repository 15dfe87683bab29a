package io.quarkiverse.airlock.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.UsageException;

/**
 * What the outbox accepts at enqueue, and how a row becomes an intent again.
 */
class OutboxJsonTest {

    @Test
    void scalarsListsAndMapsAreAccepted() {
        Intent intent = Intent.restored("ship", List.of(42L, "text", UUID.randomUUID(), Thread.State.NEW,
                Map.of("k", List.of(1, 2))), Map.of("delay", Duration.ofSeconds(1), "queue", "fast"), "POST /orders");

        assertThatCode(() -> OutboxJson.check(intent)).doesNotThrowAnyException();
    }

    @Test
    void recordsAreAccepted() {
        Intent intent = Intent.restored("ship", List.of(new Parcel("a", 2)), Map.of(), null);

        assertThatCode(() -> OutboxJson.check(intent)).doesNotThrowAnyException();
    }

    @Test
    void argumentThatJacksonCannotWriteIsRejectedWithItsPositionAndClass() {
        Intent intent = Intent.restored("ship", List.of(1L, new Opaque()), Map.of(), null);

        assertThatThrownBy(() -> OutboxJson.check(intent)).isInstanceOf(UsageException.class)
                .hasMessageContainingAll("Task 'ship'", "argument 1", Opaque.class.getName(), "the outbox");
    }

    @Test
    void optionThatJacksonCannotWriteIsRejectedWithItsKey() {
        Intent intent = Intent.restored("ship", List.of(), Map.of("weird", new Opaque()), null);

        assertThatThrownBy(() -> OutboxJson.check(intent)).isInstanceOf(UsageException.class)
                .hasMessageContainingAll("option 'weird'", Opaque.class.getName());
    }

    @Test
    void rowBecomesAnIntentWithItsOptionsButNotItsDelay() {
        Intent stored = Intent.restored("ship", List.of(7, "x"), Map.of("delay", 500, "queue", "fast"), "origin");

        Intent restored = OutboxJson.intent("ship", OutboxJson.args(stored), OutboxJson.options(stored), "origin",
                null);

        assertThat(restored.name()).isEqualTo("ship");
        assertThat(restored.args()).containsExactly(7, "x");
        assertThat(restored.options()).containsExactly(Map.entry("queue", "fast"));
        assertThat(restored.origin()).hasValue("origin");
        assertThat(restored.orderingKey()).isEmpty();
    }

    @Test
    void aKeyedRowBecomesAnIntentWithItsKeySoThatAnotherExecutorKeepsItsOrder() {
        Intent restored = OutboxJson.intent("ship", "[7]", "{}", null, "customer-7");

        assertThat(restored.orderingKey()).hasValue("customer-7");
    }

    public record Parcel(String label, int weight) {
    }

    /** Nothing for Jackson to write. */
    public static class Opaque {
        @SuppressWarnings("unused")
        private final int secret = 1;
    }
}
