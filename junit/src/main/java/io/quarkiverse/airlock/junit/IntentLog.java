package io.quarkiverse.airlock.junit;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.spi.AirlockListener;

/**
 * What happened to intents anywhere in the application while an {@link AirlockTest} test runs: handed to an executor,
 * dropped by a policy, discarded with their scope. Records only between {@link #start()} and {@link #stop()}, so that
 * tests without {@link AirlockTest} pay nothing but a flag check. Tests run one at a time; the lists are still guarded
 * because requests report from server threads.
 */
final class IntentLog implements AirlockListener {

    static final IntentLog INSTANCE = new IntentLog();

    private final Object lock = new Object();
    private volatile boolean recording;
    /** Set when the container installed {@link IntentLogListener}; otherwise the extension installs this log itself. */
    volatile boolean installedByContainer;
    private List<Intent> dispatched = new ArrayList<>();
    private List<Intent> dropped = new ArrayList<>();
    private List<Intent> discarded = new ArrayList<>();

    private IntentLog() {
    }

    void start() {
        synchronized (lock) {
            dispatched = new ArrayList<>();
            dropped = new ArrayList<>();
            discarded = new ArrayList<>();
            recording = true;
        }
    }

    void stop() {
        recording = false;
    }

    List<Intent> dispatched() {
        synchronized (lock) {
            return List.copyOf(dispatched);
        }
    }

    List<Intent> dropped() {
        synchronized (lock) {
            return List.copyOf(dropped);
        }
    }

    List<Intent> discarded() {
        synchronized (lock) {
            return List.copyOf(discarded);
        }
    }

    @Override
    public void dispatching(Intent intent, IntentExecutor executor) {
        if (recording) {
            synchronized (lock) {
                dispatched.add(intent);
            }
        }
    }

    @Override
    public void dropped(Scope scope, Intent intent, Policy policy) {
        if (recording) {
            synchronized (lock) {
                dropped.add(intent);
            }
        }
    }

    @Override
    public void discarded(Scope scope, List<Intent> intents, String reason) {
        if (recording) {
            synchronized (lock) {
                discarded.addAll(intents);
            }
        }
    }

    @Override
    public void rolledBack(List<Intent> intents) {
        if (recording) {
            synchronized (lock) {
                discarded.addAll(intents);
            }
        }
    }
}
