package io.quarkiverse.airlock.runtime.executor;

import io.quarkiverse.airlock.Intent;

/**
 * Turns an intent into the outgoing metadata of one connector (routing key, record key, headers...). The deployment
 * registers a mapper only when its connector is on the class path, so connector types stay optional.
 */
public interface IntentMetadataMapper {

    /** Header (or application property) carrying the task name. */
    String TASK_HEADER = "airlock-task";
    /** Header carrying the intent's origin. */
    String ORIGIN_HEADER = "airlock-origin";

    /** The connector metadata for this intent, or null for none. */
    Object metadata(Intent intent, String id);
}
