package io.quarkiverse.airlock.runtime.trace;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import jakarta.inject.Singleton;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.spi.DispatchTracing;

/**
 * Dispatch spans with OpenTelemetry. An intent remembers the context it was enqueued in; its handler runs in a span
 * {@code airlock <task>} whose parent is that context, whichever thread, executor or node runs it and however late.
 * Over the event bus the context travels in {@code airlock-trace-*} headers. Registered only when the application has
 * OpenTelemetry.
 */
@Singleton
public class OpenTelemetryDispatchTracing implements DispatchTracing {

    /** Prefix of the headers carrying the enqueuing trace context over the event bus. */
    public static final String TRACE_HEADER_PREFIX = "airlock-trace-";

    static final AttributeKey<String> TASK = AttributeKey.stringKey("airlock.task");
    static final AttributeKey<String> ORIGIN = AttributeKey.stringKey("airlock.origin");

    private static final TextMapGetter<Function<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> carrier) {
            return List.of();
        }

        @Override
        public String get(Function<String, String> carrier, String key) {
            return carrier == null ? null : carrier.apply(TRACE_HEADER_PREFIX + key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public OpenTelemetryDispatchTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.quarkiverse.airlock");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    @Override
    public Object capture() {
        return Context.current();
    }

    @Override
    public DispatchSpan start(Intent intent) {
        Object captured = intent.traceContext();
        Context parent = captured instanceof Context ? (Context) captured : Context.current();
        return open(parent, SpanKind.INTERNAL, intent.name(), intent.origin().orElse(null));
    }

    @Override
    public void inject(Intent intent, BiConsumer<String, String> headers) {
        Object captured = intent.traceContext();
        if (captured instanceof Context) {
            propagator.inject((Context) captured, headers, (carrier, key, value) -> carrier.accept(TRACE_HEADER_PREFIX + key,
                    value));
        }
    }

    @Override
    public Object extract(Function<String, String> headers) {
        return propagator.extract(Context.root(), headers, HEADERS);
    }

    @Override
    public DispatchSpan startRemote(String task, String origin, Function<String, String> headers) {
        Context parent = propagator.extract(Context.root(), headers, HEADERS);
        return open(parent, SpanKind.CONSUMER, task, origin);
    }

    private DispatchSpan open(Context parent, SpanKind kind, String task, String origin) {
        SpanBuilder builder = tracer.spanBuilder("airlock " + task).setParent(parent).setSpanKind(kind)
                .setAttribute(TASK, task);
        if (origin != null) {
            builder.setAttribute(ORIGIN, origin);
        }
        Span span = builder.startSpan();
        Scope current = span.makeCurrent();
        return failure -> {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
            }
            current.close();
            span.end();
        };
    }
}
