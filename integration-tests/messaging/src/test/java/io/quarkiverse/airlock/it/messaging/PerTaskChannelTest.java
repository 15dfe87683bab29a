package io.quarkiverse.airlock.it.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.UsageException;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.core.json.JsonObject;

/**
 * quarkus.airlock.messaging.channel-per-task=true: each task has its own channel {@code <channel>-<task>}, so a broker
 * can route, scale and secure tasks separately; names without a channel fail at enqueue. The consumer is off here:
 * another application handles the intents.
 */
public class PerTaskChannelTest {

    @RegisterExtension
    static final QuarkusUnitTest config = MessagingApps.of(PerTaskChannelTest.class, Handlers.class)
            .overrideConfigKey("quarkus.airlock.messaging.channel", "jobs")
            .overrideConfigKey("quarkus.airlock.messaging.channel-per-task", "true")
            .overrideConfigKey("quarkus.airlock.messaging.consumer.enabled", "false")
            .overrideConfigKey("mp.messaging.outgoing.jobs-charge.connector", "smallrye-in-memory")
            .overrideConfigKey("mp.messaging.outgoing.jobs-notify.connector", "smallrye-in-memory");

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    @BeforeEach
    void clear() {
        connector.sink("jobs-charge").clear();
        connector.sink("jobs-notify").clear();
    }

    @Test
    void eachTaskGoesToItsOwnChannel() {
        Airlock.scope(s -> {
            Airlock.enqueue("charge", 42L);
            Airlock.enqueue("notify", "ada@example.com");
            Airlock.enqueue("charge", 7L);
        });

        assertThat(connector.<String> sink("jobs-charge").received())
                .extracting(m -> new JsonObject(m.getPayload()).getJsonArray("args").getValue(0))
                .containsExactly(42, 7);
        assertThat(connector.<String> sink("jobs-notify").received())
                .extracting(m -> new JsonObject(m.getPayload()).getString("task"))
                .containsExactly("notify");
    }

    @Test
    void aTaskWithoutAChannelFailsAtEnqueue() {
        assertThatThrownBy(() -> Airlock.scope(s -> Airlock.enqueue("crm.sync", "ada")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("crm.sync");
        assertThat(connector.sink("jobs-charge").received()).isEmpty();
    }

    @Singleton
    public static class Handlers {

        @AirlockTask
        void charge(long cents) {
        }

        // padded: the channel is named for the trimmed task name, like the task itself
        @AirlockTask(" notify ")
        void sendMail(String email) {
        }
    }
}
