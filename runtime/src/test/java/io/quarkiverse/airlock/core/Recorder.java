package io.quarkiverse.airlock.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Policy;

/**
 * Test doubles: an executor that records what it dispatches, and policies that record what they see.
 */
final class Recorder implements IntentExecutor {

    final List<Intent> dispatched = new CopyOnWriteArrayList<>();

    @Override
    public void dispatch(Intent intent) {
        dispatched.add(intent);
    }

    List<String> names() {
        return dispatched.stream().map(Intent::name).toList();
    }

    /** A policy that logs "label:callback:task" into a shared list and allows or not. */
    static Policy policy(String label, List<String> log, boolean allows) {
        return new Policy() {
            @Override
            public void onEnqueue(Intent intent) {
                log.add(label + ":onEnqueue:" + intent.name());
            }

            @Override
            public boolean allows(Intent intent) {
                log.add(label + ":allows:" + intent.name());
                return allows;
            }

            @Override
            public String toString() {
                return label;
            }
        };
    }
}
