package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Over the event bus the enqueuing trace context travels in {@code airlock-trace-*} headers: the consumer runs the
 * handler in a CONSUMER span whose parent is the span that enqueued.
 */
public class OpenTelemetryEventBusSpanTest extends TracedTest {

    @RegisterExtension
    static final QuarkusUnitTest config = Spans.tracedApplication(Handlers.class)
            .overrideConfigKey("quarkus.airlock.executor", "event-bus");

    @Test
    void consumerSpanIsAChildOfTheEnqueuingSpan() throws Exception {
        Span request = tracer.spanBuilder("checkout").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            Airlock.scope(scope -> Airlock.enqueue("ship", 9L));
        } finally {
            request.end();
        }
        SpanContext inHandler = Handlers.seen.get(10, TimeUnit.SECONDS);

        SpanData dispatch = Spans.await(exporter, "airlock ship");
        assertThat(dispatch.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(dispatch.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(dispatch.getParentSpanContext().getSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(inHandler.getSpanId()).isEqualTo(dispatch.getSpanId());
    }

    @Singleton
    public static class Handlers {

        static final CompletableFuture<SpanContext> seen = new CompletableFuture<>();

        @AirlockTask
        void ship(long order) {
            seen.complete(Span.current().getSpanContext());
        }
    }
}
