package io.quarkiverse.airlock.runtime;

import io.quarkiverse.airlock.runtime.interceptor.DirectCalls;
import io.quarkiverse.airlock.runtime.trace.DispatchTracing;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Installs the optional integrations that observe or redirect dispatch: tracing, and the interception of direct task
 * calls. Each is undone at shutdown, so dev-mode restarts and tests start clean.
 */
@Recorder
public class AirlockObservabilityRecorder {

    /** Intents remember the trace they were enqueued in, and their handlers run in a span of it. */
    public void installTracing(ShutdownContext shutdown) {
        // the class needs OpenTelemetry: it is resolved only here, and this runs only when the application has it
        DispatchTracing.install((DispatchTracing) Arc.container()
                .instance(io.quarkiverse.airlock.runtime.trace.OpenTelemetryDispatchTracing.class).get());
        shutdown.addShutdownTask(() -> DispatchTracing.install(null));
    }

    /** Direct calls to task methods inside a scope are buffered as intents. */
    public void interceptDirectCalls(ShutdownContext shutdown) {
        DirectCalls.intercept(true);
        shutdown.addShutdownTask(() -> DirectCalls.intercept(false));
    }
}
