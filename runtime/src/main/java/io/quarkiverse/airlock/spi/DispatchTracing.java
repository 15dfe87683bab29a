package io.quarkiverse.airlock.spi;

import java.util.function.BiConsumer;
import java.util.function.Function;

import io.quarkiverse.airlock.Intent;

/**
 * Carries the trace an intent was enqueued in to where it runs. Installed by the Quarkus runtime when the application
 * has OpenTelemetry; without it (plain Java, or no tracing) the hot paths read one null and do nothing else.
 */
public interface DispatchTracing {

    /** Called while an intent is created, on the enqueuing thread: what to remember (the current trace context). */
    Object capture();

    /** Starts the span the intent's handler runs in, as a child of what {@link #capture()} remembered. */
    DispatchSpan start(Intent intent);

    /** Writes what {@link #capture()} remembered into message headers, for a handler in another process. */
    void inject(Intent intent, BiConsumer<String, String> headers);

    /**
     * Reads back what {@link #inject} wrote, as {@link #capture()} would have returned it: for an intent restored from
     * storage (the outbox), so that its dispatch joins the trace it was enqueued in.
     */
    Object extract(Function<String, String> headers);

    /** Starts the span of a handler for a message whose headers {@link #inject} wrote. */
    DispatchSpan startRemote(String task, String origin, Function<String, String> headers);

    /** The span of one dispatch; current until {@link #end(Throwable)}. */
    interface DispatchSpan {
        void end(Throwable failure);
    }

}
