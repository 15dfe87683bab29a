package io.quarkiverse.airlock.spi;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TaskTableTest {

    /** "Aa" and "BB" have the same hash code, so these four collide and share one run of slots. */
    private static final List<String> COLLIDING = List.of("AaAa", "AaBB", "BBAa", "BBBB");

    @Test
    void findsEveryHandlerByAnEqualNameAndNoOther() {
        Map<String, TaskHandler> byName = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            put(byName, "task-" + i);
        }
        COLLIDING.forEach(name -> put(byName, name));
        TaskTable table = new TaskTable(byName);

        byName.forEach((name, handler) -> {
            assertSame(handler, table.get(name));
            // names built at run time are equal, not identical, to those of the build
            assertSame(handler, table.get(new String(name)));
        });
        assertNull(table.get("task-300"));
        assertNull(table.get("AaAaAa"));
        assertNull(table.get(""));
        assertNull(table.get(null));
    }

    @Test
    void aMissAmongCollidingNamesEndsAtTheFirstFreeSlot() {
        Map<String, TaskHandler> byName = new HashMap<>();
        put(byName, "AaAa");
        put(byName, "BBBB");
        TaskTable table = new TaskTable(byName);

        assertSame(byName.get("BBBB"), table.get("BBBB"));
        assertNull(table.get("AaBB"));
    }

    @Test
    void anEmptyTableFindsNothing() {
        TaskTable table = new TaskTable(Map.of());

        assertNull(table.get("notify"));
    }

    private static void put(Map<String, TaskHandler> byName, String name) {
        byName.put(name, new TaskHandler(name, "Tasks#" + name + "()", new Class<?>[0], args -> null));
    }
}
