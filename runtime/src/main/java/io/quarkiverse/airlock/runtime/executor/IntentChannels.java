package io.quarkiverse.airlock.runtime.executor;

import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The emitters of the channels the {@code messaging} executor sends to. Implemented by a bean generated at build time,
 * because Quarkus Messaging wires every emitter before start-up and needs each channel name as an injection point.
 */
public interface IntentChannels {

    /** The emitter of {@code channel}, or null when the application declared no such channel. */
    MutinyEmitter<String> emitter(String channel);
}
