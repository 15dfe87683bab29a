package it.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import io.quarkiverse.airlock.AirlockTask;

/**
 * The task handler at the receiving end: records every delivery, so tests can count them.
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

    public record Parcel(String orderId, List<String> items) {
    }

    public List<String> handled() {
        return handled;
    }

    public void clear() {
        handled.clear();
    }
}
