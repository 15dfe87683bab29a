package it.outbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.OutboxDelivery;

/**
 * Task handlers that leave a trace of every delivery: shipments in a table (they must survive the JVM), counted
 * intents in memory, with the relay thread that ran them.
 */
@ApplicationScoped
public class Shipping {

    public static final Map<UUID, AtomicInteger> COUNTED = new ConcurrentHashMap<>();
    public static final Map<String, AtomicInteger> COUNTED_BY_THREAD = new ConcurrentHashMap<>();
    public static final Map<String, AtomicInteger> POISON_ATTEMPTS = new ConcurrentHashMap<>();
    /** Per ordering key, the intents delivered, in delivery order. */
    public static final Map<String, List<Integer>> ORDERED = new ConcurrentHashMap<>();
    /** Intents that ran while another of their key was running. */
    public static final List<String> OVERLAPPING = new CopyOnWriteArrayList<>();
    public static final Map<String, AtomicInteger> ORDERED_BY_THREAD = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> RUNNING = new ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "shop.journal")
    Optional<String> journal;

    // tag::ship[]
    @AirlockTask("ship")
    void ship(long orderId) throws SQLException {
        // the row id is the same on every attempt: a natural idempotency key for the receiving side
        OutboxDelivery delivery = AirlockOutbox.currentDelivery().orElseThrow();
        insertShipment(orderId, delivery);
    }

    private void insertShipment(long orderId, OutboxDelivery delivery) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection
                        .prepareStatement("INSERT INTO shipments (order_id, outbox_id, attempt) VALUES (?, ?, ?)")) {
            statement.setLong(1, orderId);
            statement.setObject(2, delivery.id());
            statement.setInt(3, delivery.attempt());
            statement.executeUpdate();
        }
    }
    // end::ship[]

    /**
     * A slow shipment for the crash tests: notes in a journal file that it started (a file survives the kill and is
     * not rolled back), then writes its shipment in the transaction its row is marked done in.
     */
    @AirlockTask("journaledShip")
    void journaledShip(long orderId) throws Exception {
        insertShipment(orderId, journaled());
    }

    /**
     * The same without a database write: its row's outcome is recorded with those of other lanes (worker delivery),
     * where a crash must still replay no more than one row per lane.
     */
    @AirlockTask("journaledNotice")
    void journaledNotice(long orderId) throws Exception {
        journaled();
    }

    private OutboxDelivery journaled() throws Exception {
        OutboxDelivery delivery = AirlockOutbox.currentDelivery().orElseThrow();
        Files.writeString(Path.of(journal.orElseThrow()), delivery.id() + " " + delivery.attempt() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Thread.sleep(20);
        return delivery;
    }

    @AirlockTask("poison")
    void poison(String what) {
        POISON_ATTEMPTS.computeIfAbsent(what, ignored -> new AtomicInteger()).incrementAndGet();
        throw new IllegalStateException("cannot ship " + what);
    }

    @AirlockTask("count")
    void count(int value) {
        COUNTED.computeIfAbsent(AirlockOutbox.currentDelivery().orElseThrow().id(), ignored -> new AtomicInteger())
                .incrementAndGet();
        COUNTED_BY_THREAD.computeIfAbsent(Thread.currentThread().getName(), ignored -> new AtomicInteger())
                .incrementAndGet();
    }

    @AirlockTask("ordered")
    void ordered(String key, int n) {
        AtomicInteger running = RUNNING.computeIfAbsent(key, ignored -> new AtomicInteger());
        if (running.incrementAndGet() > 1) {
            OVERLAPPING.add(key + ":" + n);
        }
        try {
            ORDERED.computeIfAbsent(key, ignored -> new CopyOnWriteArrayList<>()).add(n);
            ORDERED_BY_THREAD.computeIfAbsent(Thread.currentThread().getName(), ignored -> new AtomicInteger())
                    .incrementAndGet();
        } finally {
            running.decrementAndGet();
        }
    }
}
