package io.quarkiverse.airlock.test.directcall;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import io.quarkiverse.airlock.AirlockTask;

@Singleton
public class Stock {

    public final List<Long> reserved = new CopyOnWriteArrayList<>();

    @AirlockTask
    public int count(long order) {
        reserved.add(order);
        return reserved.size();
    }

    public int countNow(long order) {
        return count(order);
    }
}
