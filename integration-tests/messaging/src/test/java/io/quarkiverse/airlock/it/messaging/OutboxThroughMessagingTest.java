package io.quarkiverse.airlock.it.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.OutboxEntry;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.vertx.core.json.JsonObject;

/**
 * The outbox relays committed rows through the messaging executor: a message leaves only after the commit, and its id
 * is the row's, so a retried row is the same message to the consumer's duplicate check.
 */
public class OutboxThroughMessagingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Orders.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:outbox-messaging;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.airlock.outbox.enabled", "true")
            .overrideConfigKey("quarkus.airlock.outbox.delivery", "messaging")
            .overrideConfigKey("quarkus.airlock.outbox.retention", "1h")
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms")
            .overrideConfigKey("quarkus.airlock.messaging.consumer.enabled", "false")
            .overrideConfigKey("mp.messaging.outgoing.airlock-intents.connector", "smallrye-in-memory");

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    @Inject
    Orders orders;

    @Inject
    AirlockOutbox outbox;

    @Test
    void aCommittedRowLeavesAsOneMessageNamedByTheRowId() {
        InMemorySink<String> sink = connector.sink("airlock-intents");
        orders.place(77L);

        await().atMost(Duration.ofSeconds(10)).until(() -> sink.received().size() == 1);
        JsonObject message = new JsonObject(sink.received().get(0).getPayload());
        assertThat(message.getString("task")).isEqualTo("shipOrder");
        assertThat(message.getJsonArray("args").getList()).containsExactly(77);
        OutboxEntry row = outbox.find(UUID.fromString(message.getString("id"))).orElseThrow();
        assertThat(row.status()).isEqualTo(OutboxEntry.DONE);
        assertThat(row.task()).isEqualTo("shipOrder");
    }

    @Singleton
    public static class Orders {

        @Transactional
        @AirlockScope
        public void place(long id) {
            // handled by another service: nothing local runs it
            Airlock.enqueue("shipOrder", id);
        }
    }
}
