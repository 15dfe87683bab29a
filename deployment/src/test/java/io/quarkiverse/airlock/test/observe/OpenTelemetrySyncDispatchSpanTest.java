package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.BeforeEach;
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
 * With the sync executor (the default) the dispatch span {@code airlock <task>} starts at flush, in the flushing
 * thread, as a child of the span that enqueued the intent, and is current while the handler runs; a handler's
 * exception still leaves {@code flush()} unchanged and marks the span as failed.
 */
public class OpenTelemetrySyncDispatchSpanTest extends TracedTest {

    @RegisterExtension
    static final QuarkusUnitTest config = Spans.tracedApplication(Handlers.class);

    @Inject
    Handlers handlers;

    @BeforeEach
    void reset() {
        handlers.context = null;
        handlers.thread = null;
    }

    @Test
    void spanStartsAtFlushInTheFlushingThread() throws Exception {
        Span request = tracer.spanBuilder("checkout").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            Airlock.scope(scope -> {
                Airlock.intent("ship").args(7L).origin("POST /orders").enqueue();
                assertThat(handlers.context).as("nothing runs before the flush").isNull();
            });
            assertThat(handlers.thread).as("the handler ran when the scope returned, in this thread")
                    .isSameAs(Thread.currentThread());
            assertThat(Span.current()).as("the enqueuing span is current again after the flush").isSameAs(request);
        } finally {
            request.end();
        }

        SpanData dispatch = Spans.await(exporter, "airlock ship");
        assertThat(dispatch.getKind()).isEqualTo(SpanKind.INTERNAL);
        Spans.assertDispatchedWithin(dispatch, request, "ship", "POST /orders", handlers.context);
    }

    @Test
    void failingHandlerThrowsFromTheFlushAndMarksTheSpanAsError() throws Exception {
        Span request = tracer.spanBuilder("refund").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            assertThatThrownBy(() -> Airlock.scope(scope -> Airlock.enqueue("explode")))
                    .isInstanceOf(IllegalStateException.class).hasMessage("boom");
        } finally {
            request.end();
        }

        SpanData dispatch = Spans.await(exporter, "airlock explode");
        assertThat(dispatch.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(dispatch.getParentSpanContext().getSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(dispatch.getEvents()).anyMatch(event -> event.getName().equals("exception"));
    }

    @Singleton
    public static class Handlers {

        volatile SpanContext context;
        volatile Thread thread;

        @AirlockTask
        void ship(long order) {
            context = Span.current().getSpanContext();
            thread = Thread.currentThread();
        }

        @AirlockTask
        void explode() {
            throw new IllegalStateException("boom");
        }
    }
}
