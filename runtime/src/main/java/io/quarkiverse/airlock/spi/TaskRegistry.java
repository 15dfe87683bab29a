package io.quarkiverse.airlock.spi;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.quarkiverse.airlock.UsageException;

/**
 * The task handlers of the application, by name. Filled once at start-up from what the build discovered; read on every
 * enqueue without locking.
 */
public final class TaskRegistry {

    /** No handlers installed: plain Java has no registry and checks nothing at enqueue. */
    static final TaskRegistry NONE = new TaskRegistry(null);

    /** Null for {@link #NONE}. */
    private final Map<String, TaskHandler> handlers;
    /** The same handlers, for the lookups of enqueue and dispatch; null for {@link #NONE}. */
    private final TaskTable table;

    private TaskRegistry(Map<String, TaskHandler> handlers) {
        this.handlers = handlers;
        this.table = handlers == null ? null : new TaskTable(handlers);
    }

    static TaskRegistry of(Collection<TaskHandler> discovered) {
        Map<String, TaskHandler> byName = new HashMap<>();
        for (TaskHandler handler : discovered) {
            byName.put(handler.name(), handler);
        }
        return new TaskRegistry(Collections.unmodifiableMap(byName));
    }

    /** Whether the application's handlers are installed, so that enqueue can be checked against them. */
    public boolean isInstalled() {
        return handlers != null;
    }

    /** The handler for {@code name}, or {@code null}. */
    public TaskHandler find(String name) {
        TaskTable current = table;
        return current == null ? null : current.get(name);
    }

    public Collection<TaskHandler> all() {
        Map<String, TaskHandler> current = handlers;
        return current == null ? List.of() : new TreeMap<>(current).values();
    }

    /** The handler for {@code task}, failing with a message that helps the caller fix the name. */
    public TaskHandler require(String task) {
        TaskHandler handler = find(task);
        if (handler == null) {
            throw new UsageException(unknownTaskMessage(task));
        }
        return handler;
    }

    /**
     * Checks that {@code args} can be passed to the handler of {@code task}.
     *
     * @param requireKnown whether an unknown name is an error (it is not when another node may handle it)
     */
    public void validate(String task, List<Object> args, boolean requireKnown) {
        TaskTable current = table;
        if (current == null) {
            return;
        }
        TaskHandler handler = current.get(task);
        if (handler == null) {
            if (requireKnown) {
                throw new UsageException(unknownTaskMessage(task));
            }
            return;
        }
        if (args.size() != handler.arity()) {
            throw new UsageException("Task '" + task + "' takes " + handler.arity() + " argument(s) "
                    + handler.parameterTypes() + " but was enqueued with " + args.size() + ": see "
                    + handler.method());
        }
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (!handler.accepts(i, arg)) {
                throw new UsageException("Task '" + task + "': argument " + i + " ("
                        + (arg == null ? "null" : arg.getClass().getName() + " " + arg)
                        + ") cannot be passed to parameter of type " + handler.parameterType(i).getName()
                        + " of " + handler.method());
            }
        }
    }

    String unknownTaskMessage(String task) {
        StringBuilder message = new StringBuilder("Unknown task '").append(task).append("'.");
        TaskHandler renamed = handledByMethodNamed(task);
        String suggestion = closest(task);
        if (renamed != null) {
            message.append(" Method ").append(renamed.method()).append(" handles task '").append(renamed.name())
                    .append("': @AirlockTask(\"").append(renamed.name())
                    .append("\") names it, so enqueue it by that name.");
        } else if (suggestion != null) {
            message.append(" Did you mean '").append(suggestion).append("'?");
        }
        Map<String, TaskHandler> current = handlers;
        if (current == null || current.isEmpty()) {
            message.append(" No @AirlockTask handler is registered.");
        } else {
            message.append(" Known tasks: ").append(current.keySet().stream().sorted().toList()).append('.');
        }
        return message.append(" Declare a handler with @AirlockTask(\"").append(task)
                .append("\") on a method of a CDI bean, or enqueue an in-process action with Airlock.enqueue(name, runnable).")
                .toString();
    }

    /** A handler whose method is called {@code task} but whose task has another name: a renamed task. */
    private TaskHandler handledByMethodNamed(String task) {
        if (handlers == null) {
            return null;
        }
        for (TaskHandler handler : handlers.values()) {
            if (task.equals(handler.methodName()) && !task.equals(handler.name())) {
                return handler;
            }
        }
        return null;
    }

    private String closest(String task) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        Map<String, TaskHandler> current = handlers;
        if (current == null) {
            return null;
        }
        for (String candidate : current.keySet()) {
            int distance = distance(task.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int tolerance = Math.max(2, task.length() / 3);
        return bestDistance <= tolerance ? best : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
