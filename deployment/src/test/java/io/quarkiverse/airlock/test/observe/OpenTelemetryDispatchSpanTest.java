package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With OpenTelemetry an intent's handler runs in a span {@code airlock <task>} whose parent is the span that was
 * current when the intent was enqueued, even when the handler runs later on another thread (the worker executor).
 */
public class OpenTelemetryDispatchSpanTest extends TracedTest {

    @RegisterExtension
    static final QuarkusUnitTest config = Spans.tracedApplication(Handlers.class)
            .overrideConfigKey("quarkus.airlock.executor", "worker");

    @Inject
    Handlers handlers;

    @Test
    void handlerRunsInAChildSpanOfTheEnqueuingSpan() throws Exception {
        CompletableFuture<SpanContext> inHandler = handlers.next();
        Span request = tracer.spanBuilder("checkout").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            Airlock.scope(scope -> Airlock.intent("ship").args(7L).origin("POST /orders").enqueue());
        } finally {
            request.end();
        }
        SpanContext handlerContext = inHandler.get(10, TimeUnit.SECONDS);

        SpanData dispatch = awaitSpan("airlock ship");
        assertThat(dispatch.getKind()).isEqualTo(SpanKind.INTERNAL);
        Spans.assertDispatchedWithin(dispatch, request, "ship", "POST /orders", handlerContext);
    }

    @Test
    void failingHandlerMarksTheSpanAsError() throws Exception {
        Span request = tracer.spanBuilder("refund").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            Airlock.scope(scope -> Airlock.enqueue("explode"));
        } finally {
            request.end();
        }
        SpanData dispatch = awaitSpan("airlock explode");
        assertThat(dispatch.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(dispatch.getParentSpanContext().getSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(dispatch.getEvents()).anyMatch(event -> event.getName().equals("exception"));
    }

    private SpanData awaitSpan(String name) throws InterruptedException {
        return Spans.await(exporter, name);
    }

    @Singleton
    public static class Handlers {

        private volatile CompletableFuture<SpanContext> seen = new CompletableFuture<>();

        CompletableFuture<SpanContext> next() {
            seen = new CompletableFuture<>();
            return seen;
        }

        @AirlockTask
        void ship(long order) {
            seen.complete(Span.current().getSpanContext());
        }

        @AirlockTask
        void explode() {
            throw new IllegalStateException("boom");
        }
    }
}
