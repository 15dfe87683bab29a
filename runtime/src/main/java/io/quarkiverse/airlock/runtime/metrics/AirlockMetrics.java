package io.quarkiverse.airlock.runtime.metrics;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.spi.AirlockListener;

/**
 * Micrometer meters for what happens to intents, tagged by task name, and a gauge of open scopes. Registered only
 * when the application has Micrometer. The meters of a task are created the first time the task is seen and kept,
 * so an event costs a map lookup and an increment, not a registry lookup.
 */
@Singleton
public class AirlockMetrics implements AirlockListener {

    static final String ENQUEUED = "airlock.intents.enqueued";
    static final String DISPATCHED = "airlock.intents.dispatched";
    static final String DROPPED = "airlock.intents.dropped";
    static final String DISCARDED = "airlock.intents.discarded";
    static final String FAILED = "airlock.intents.failed";
    static final String DEFERRED = "airlock.intents.deferred";
    static final String ROLLED_BACK = "airlock.intents.rolled.back";
    static final String HANDLED = "airlock.intents.handled";
    static final String OPEN_SCOPES = "airlock.scopes.open";

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, TaskMeters> tasks = new ConcurrentHashMap<>();

    public AirlockMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(OPEN_SCOPES, Airlock::openScopes)
                .description("Scopes entered and not yet exited")
                .register(registry);
    }

    @Override
    public void enqueued(Scope scope, Intent intent) {
        meters(intent).enqueued.increment();
    }

    @Override
    public void dropped(Scope scope, Intent intent, Policy policy) {
        meters(intent).dropped(policy).increment();
    }

    @Override
    public void discarded(Scope scope, List<Intent> intents, String reason) {
        for (int i = 0; i < intents.size(); i++) {
            meters(intents.get(i)).discarded.increment();
        }
    }

    @Override
    public void deferred(List<Intent> intents) {
        for (int i = 0; i < intents.size(); i++) {
            meters(intents.get(i)).deferred.increment();
        }
    }

    @Override
    public void rolledBack(List<Intent> intents) {
        for (int i = 0; i < intents.size(); i++) {
            meters(intents.get(i)).rolledBack.increment();
        }
    }

    @Override
    public void dispatching(Intent intent, IntentExecutor executor) {
        meters(intent).dispatched.increment();
    }

    @Override
    public void handled(Intent intent, long nanos, Throwable failure) {
        TaskMeters meters = meters(intent);
        meters.handled.record(nanos, TimeUnit.NANOSECONDS);
        if (failure != null) {
            meters.failed.increment();
        }
    }

    private TaskMeters meters(Intent intent) {
        TaskMeters meters = tasks.get(intent.name());
        return meters != null ? meters : tasks.computeIfAbsent(intent.name(), name -> new TaskMeters(registry, name));
    }

    /** The meters of one task name. */
    private static final class TaskMeters {

        private final MeterRegistry registry;
        private final String task;
        final Counter enqueued;
        final Counter dispatched;
        final Counter discarded;
        final Counter failed;
        final Counter deferred;
        final Counter rolledBack;
        final Timer handled;
        private final ConcurrentHashMap<Class<?>, Counter> dropped = new ConcurrentHashMap<>(2);

        TaskMeters(MeterRegistry registry, String task) {
            this.registry = registry;
            this.task = task;
            enqueued = counter(ENQUEUED, "Intents buffered in a scope");
            dispatched = counter(DISPATCHED, "Intents handed to their executor");
            discarded = counter(DISCARDED, "Intents dropped because their scope was discarded");
            failed = counter(FAILED, "Intents whose handler threw");
            deferred = counter(DEFERRED, "Intents waiting for their transaction to commit");
            rolledBack = counter(ROLLED_BACK, "Intents dropped because their transaction rolled back");
            handled = Timer.builder(HANDLED).description("Time the handler of an intent ran")
                    .tag("task", task).register(registry);
        }

        Counter dropped(Policy policy) {
            Counter counter = dropped.get(policy.getClass());
            return counter != null ? counter
                    : dropped.computeIfAbsent(policy.getClass(), type -> Counter.builder(DROPPED)
                            .description("Intents a policy did not let escape")
                            .tags("task", task, "policy", policyName(type)).register(registry));
        }

        private Counter counter(String name, String description) {
            return Counter.builder(name).description(description).tag("task", task).register(registry);
        }

        /** The class, not the instance's text: BlockTasks[a, b] per instance would make a tag per configuration. */
        private static String policyName(Class<?> type) {
            String simple = type.getSimpleName();
            return simple.isEmpty() ? type.getName() : simple;
        }
    }
}
