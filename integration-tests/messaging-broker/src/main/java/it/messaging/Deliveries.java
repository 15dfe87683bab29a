package it.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import io.quarkiverse.airlock.AirlockTask;

/**
 * The task handlers at the receiving end, the same on every broker: they record every delivery, so tests can count
 * them.
 */
@Singleton
public class Deliveries {

    private final List<String> handled = new CopyOnWriteArrayList<>();

    @AirlockTask("shop.ship")
    void ship(String orderId, int parcels) {
        handled.add(orderId + " x" + parcels);
    }

    /**
     * A structured argument travels as a JSON object and reaches the handler as the record again; in a native image
     * that needs the record registered for reflection, which the build does for every task argument type.
     */
    @AirlockTask("shop.pack")
    void pack(Parcel parcel) {
        handled.add(parcel.orderId() + " packed " + parcel.items());
    }

    /** A list of records comes back as a list of records: a map in their place would fail the cast below. */
    @AirlockTask("shop.pack-all")
    void packAll(List<Parcel> parcels) {
        for (Parcel parcel : parcels) {
            handled.add(parcel.orderId() + " packed " + parcel.items());
        }
    }

    /** Always fails: the consumer must go on with the next message. */
    @AirlockTask("shop.fail")
    void fail(String orderId) {
        throw new IllegalStateException("shop.fail refuses " + orderId);
    }

    public record Parcel(String orderId, List<String> items) {
    }

    public List<String> handled() {
        return handled;
    }

    public void clear() {
        handled.clear();
    }
}
