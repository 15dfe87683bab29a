package io.quarkiverse.airlock.spi;

import java.util.Map;

/**
 * The handlers by name, in an open-addressing table over {@code String} keys. Every enqueue and every dispatch looks a
 * handler up: {@code HashMap.get} is one method shared by every map in the application, so the JIT sees its calls to
 * {@code hashCode} and {@code equals} with many key types and cannot inline them. Here both calls are on the final class
 * {@code String}, and a lookup compiles to a few loads and compares.
 */
final class TaskTable {

    private final String[] names;
    private final TaskHandler[] handlers;
    private final int mask;

    TaskTable(Map<String, TaskHandler> byName) {
        // at most half full, so that a miss ends at an empty slot after a probe or two
        int capacity = Integer.highestOneBit(Math.max(1, byName.size()) * 4 - 1);
        names = new String[capacity];
        handlers = new TaskHandler[capacity];
        mask = capacity - 1;
        for (Map.Entry<String, TaskHandler> entry : byName.entrySet()) {
            int slot = slotOf(entry.getKey());
            names[slot] = entry.getKey();
            handlers[slot] = entry.getValue();
        }
    }

    /** The handler of {@code name}, or {@code null}. */
    TaskHandler get(String name) {
        if (name == null) {
            return null;
        }
        String[] keys = names;
        int slot = spread(name.hashCode()) & mask;
        for (String key = keys[slot]; key != null; key = keys[slot]) {
            if (key == name || key.equals(name)) {
                return handlers[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    /** The slot {@code name} takes: its own, or the first free one after it. */
    private int slotOf(String name) {
        int slot = spread(name.hashCode()) & mask;
        while (names[slot] != null) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Mixes the high bits in, as names that differ only at their end would otherwise share low bits. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
