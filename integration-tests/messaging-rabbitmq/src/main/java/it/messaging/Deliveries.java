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

    public List<String> handled() {
        return handled;
    }

    public void clear() {
        handled.clear();
    }
}
