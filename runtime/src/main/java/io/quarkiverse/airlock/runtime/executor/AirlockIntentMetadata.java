package io.quarkiverse.airlock.runtime.executor;

import java.util.Map;
import java.util.Optional;

/**
 * Message metadata the {@code messaging} executor attaches to every message it sends: the task name, the message id,
 * the origin and the options of the intent. In-process consumers and interceptors can read it without parsing the
 * payload; connectors ignore it (see {@link IntentMetadataMapper} for what reaches a broker).
 *
 * @param id unique per sent intent; the same when the same intent is resent, so consumers can drop duplicates
 */
public record AirlockIntentMetadata(String task, String id, Optional<String> origin, Map<String, Object> options) {

    /** The task and the id: enough to tell the message apart in a log line. */
    @Override
    public String toString() {
        return "AirlockIntentMetadata[task=" + task + ", id=" + id + "]";
    }
}
