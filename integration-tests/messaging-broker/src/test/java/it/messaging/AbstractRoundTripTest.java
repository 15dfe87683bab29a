package it.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.runtime.executor.MessagingExecutor;

/**
 * Intents flushed by a scope travel through a real broker and are handled by the {@code @AirlockTask} handler at the
 * other end: once per message id, with their arguments' types, and a message that cannot be handled never stops the
 * consumer. Each broker module runs these tests against its broker and adds what its connector maps (properties,
 * headers, keys).
 */
public abstract class AbstractRoundTripTest extends AbstractBrokerTest {

    @Test
    void flushedIntentsAreHandledByTheTaskHandler() {
        Airlock.scope(s -> {
            Airlock.enqueue("shop.ship", "order-1", 2);
            Airlock.enqueue("shop.ship", "order-2", 1);
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.handled().size() == 2);
        assertThat(deliveries.handled()).containsExactlyInAnyOrder("order-1 x2", "order-2 x1");
    }

    @Test
    void recordArgumentsArriveAsRecords() {
        Airlock.scope(s -> Airlock.enqueue("shop.pack", new Deliveries.Parcel("order-3", List.of("book", "pen"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> !deliveries.handled().isEmpty());
        assertThat(deliveries.handled()).containsExactly("order-3 packed [book, pen]");
    }

    @Test
    void listsOfRecordsArriveAsListsOfRecords() {
        Airlock.scope(s -> Airlock.enqueue("shop.pack-all", List.of(new Deliveries.Parcel("order-4", List.of("cup")),
                new Deliveries.Parcel("order-5", List.of()))));

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.handled().size() == 2);
        assertThat(deliveries.handled()).containsExactly("order-4 packed [cup]", "order-5 packed []");
    }

    @Test
    void discardedScopesSendNothing() {
        Airlock.scope(new DropAll(), s -> Airlock.enqueue("shop.ship", "dropped", 1));
        Airlock.scope(s -> Airlock.enqueue("shop.ship", "kept", 1));

        // the queue (or partition) is FIFO: once the later intent is handled, the earlier one would have been too
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.handled().contains("kept x1"));
        assertThat(deliveries.handled()).containsExactly("kept x1");
    }

    @Test
    void aMessageIdIsHandledOnce() {
        for (int i = 0; i < 3; i++) {
            Airlock.scope(s -> Airlock.intent("shop.ship").args("once", 1).option(MessagingExecutor.MESSAGE_ID, "id-once")
                    .enqueue());
        }
        Airlock.scope(s -> Airlock.enqueue("shop.ship", "after-once", 1));

        // every copy reached the consumer before the later intent, and all were acknowledged
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveries.handled().contains("after-once x1") && broker.drained());
        assertThat(Collections.frequency(deliveries.handled(), "once x1")).as("handled: %s", deliveries.handled())
                .isEqualTo(1);
    }

    @Test
    void aFailingHandlerDoesNotStopTheConsumer() {
        consumerGoesOnAfter("shop.fail", "after-failure");
    }

    @Test
    void anUnknownTaskDoesNotStopTheConsumer() {
        // the shared channel carries any task; this application has no handler for it
        consumerGoesOnAfter("shop.unknown", "after-unknown");
    }

    /** Sends an intent of {@code task}, which the consumer cannot handle, then others: those are all handled. */
    private void consumerGoesOnAfter(String task, String order) {
        Airlock.scope(s -> {
            Airlock.enqueue(task, order);
            Airlock.enqueue("shop.ship", order, 1);
        });
        Airlock.scope(s -> Airlock.enqueue("shop.ship", order, 2));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveries.handled().containsAll(List.of(order + " x1", order + " x2")));
        await().atMost(Duration.ofSeconds(30)).until(broker::drained);
    }
}
