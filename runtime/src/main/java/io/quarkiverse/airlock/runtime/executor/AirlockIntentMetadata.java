package io.quarkiverse.airlock.runtime.executor;

import java.util.Map;
import java.util.Optional;

/**
 * Message metadata the {@code messaging} executor attaches to every message it sends: the task name, the message id,
 * the origin and the options of the intent. In-process consumers and interceptors can read it without parsing the
 * payload; connectors ignore it (see {@link IntentMetadataMapper} for what reaches a broker).
 */
public final class AirlockIntentMetadata {

    private final String task;
    private final String id;
    private final String origin;
    private final Map<String, Object> options;

    public AirlockIntentMetadata(String task, String id, String origin, Map<String, Object> options) {
        this.task = task;
        this.id = id;
        this.origin = origin;
        this.options = options;
    }

    public String task() {
        return task;
    }

    /** Unique per sent intent; the same when the same intent is resent, so consumers can drop duplicates. */
    public String id() {
        return id;
    }

    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    public Map<String, Object> options() {
        return options;
    }

    @Override
    public String toString() {
        return "AirlockIntentMetadata[task=" + task + ", id=" + id + "]";
    }
}
