package io.quarkiverse.airlock.runtime.executor;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ids of the last N handled messages, oldest forgotten first. Lock-free; when several threads add at once the
 * window may briefly hold a few more than N ids.
 */
final class RecentIds {

    private final int capacity;
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final Queue<String> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    RecentIds(int capacity) {
        this.capacity = capacity;
    }

    /** Remembers {@code id}; false when it is already remembered (a duplicate). Ids are always new with capacity 0. */
    boolean add(String id) {
        if (capacity <= 0 || id == null) {
            return true;
        }
        if (!ids.add(id)) {
            return false;
        }
        order.add(id);
        if (size.incrementAndGet() > capacity) {
            String oldest = order.poll();
            if (oldest != null && ids.remove(oldest)) {
                size.decrementAndGet();
            }
        }
        return true;
    }

    /** Forgets {@code id}, so a redelivery is handled. */
    void remove(String id) {
        if (capacity > 0 && id != null && ids.remove(id)) {
            size.decrementAndGet();
            order.remove(id);
        }
    }
}
