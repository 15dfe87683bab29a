package io.quarkiverse.airlock.runtime;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.airlock.runtime.trace.OpenTelemetryDispatchTracing;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.AirlockListener;
import io.quarkiverse.airlock.spi.DispatchTracing;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Who watches scopes and intents: the listener beans (the Dev UI, metrics, the application's own), and tracing. Each is
 * undone at shutdown, so dev-mode restarts and tests start clean.
 */
@Recorder
public class ObservabilityRecorder {

    /** Every bean implementing {@link AirlockListener} is told what happens to scopes and intents. */
    public void installListeners(ShutdownContext shutdown) {
        List<AirlockListener> listeners = new ArrayList<>();
        for (InstanceHandle<AirlockListener> handle : Arc.container().listAll(AirlockListener.class)) {
            listeners.add(handle.get());
        }
        AirlockHooks.installListeners(listeners);
        shutdown.addShutdownTask(() -> AirlockHooks.installListeners(null));
    }

    /** Intents remember the trace they were enqueued in, and their handlers run in a span of it. */
    public void installTracing(ShutdownContext shutdown) {
        // the class needs OpenTelemetry: this runs only when the application has it, and the cast keeps the verifier
        // of this recorder from loading it
        AirlockHooks.installTracing((DispatchTracing) Arc.container().instance(OpenTelemetryDispatchTracing.class).get());
        shutdown.addShutdownTask(() -> AirlockHooks.installTracing(null));
    }
}
