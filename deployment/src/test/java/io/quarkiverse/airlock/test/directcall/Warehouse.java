package io.quarkiverse.airlock.test.directcall;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import io.quarkiverse.airlock.AirlockTask;

@Singleton
public class Warehouse {

    public final List<Long> notified = new CopyOnWriteArrayList<>();

    @AirlockTask
    public void notifyWarehouse(long order) {
        notified.add(order);
    }
}
