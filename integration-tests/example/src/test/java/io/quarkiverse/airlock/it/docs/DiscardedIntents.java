package io.quarkiverse.airlock.it.docs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.spi.AirlockListener;

// tag::listener[]
@ApplicationScoped // every AirlockListener bean is installed at start-up
public class DiscardedIntents implements AirlockListener {

    private static final Logger LOG = Logger.getLogger(DiscardedIntents.class);

    private final Map<String, LongAdder> byTask = new ConcurrentHashMap<>();

    @Override
    public void discarded(Scope scope, List<Intent> intents, String reason) {
        // runs on the thread that discards: count and return, never block
        for (Intent intent : intents) {
            byTask.computeIfAbsent(intent.name(), name -> new LongAdder()).increment();
        }
        LOG.debugf("%s discarded %s (%s)", scope, intents, reason);
    }

    public long discarded(String task) {
        LongAdder count = byTask.get(task);
        return count == null ? 0 : count.sum();
    }
}
// end::listener[]
