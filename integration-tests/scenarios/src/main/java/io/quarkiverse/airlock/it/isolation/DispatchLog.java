package io.quarkiverse.airlock.it.isolation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.airlock.AirlockTask;

/**
 * Records every dispatched intent by request id, in dispatch order, so tests can check that each unit of work got
 * exactly its own side effects.
 */
@ApplicationScoped
public class DispatchLog {

    private final Map<String, List<Integer>> byRequest = new ConcurrentHashMap<>();

    @AirlockTask
    void record(String requestId, int sequence) {
        byRequest.computeIfAbsent(requestId, ignored -> new CopyOnWriteArrayList<>()).add(sequence);
    }

    /** Never dispatched: a local BlockTasks policy drops it in every request. */
    @AirlockTask
    void blocked(String requestId) {
        byRequest.computeIfAbsent(requestId, ignored -> new CopyOnWriteArrayList<>()).add(-1);
    }

    public List<Integer> of(String requestId) {
        return byRequest.getOrDefault(requestId, List.of());
    }

    public Map<String, List<Integer>> all() {
        return Map.copyOf(byRequest);
    }

    public void clear() {
        byRequest.clear();
    }
}
