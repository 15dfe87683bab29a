package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * What every executor that sends intents to a consumer promises about the trace: the enqueuing trace context travels
 * with the intent, and the consumer runs the handler in a CONSUMER span whose parent is the span that enqueued, on
 * whichever node receives it. A subclass per executor starts the {@link #application} and, where the transport does
 * not deliver by itself, {@link #receive receives} what was sent.
 */
public abstract class ConsumerSpanContract extends TracedTest {

    /** A traced application of this contract, its handler and the given classes, with the given executor. */
    public static QuarkusUnitTest application(String executor, Class<?>... classes) {
        Class<?>[] all = Stream.concat(Stream.of(ConsumerSpanContract.class, Handlers.class), Stream.of(classes))
                .toArray(Class<?>[]::new);
        return Spans.tracedApplication(all).overrideConfigKey("quarkus.airlock.executor", executor);
    }

    /** Delivers the sent intent to the consumer, where a test stands in for the node that receives it. */
    protected void receive() {
    }

    @Test
    void theHandlerRunsInAConsumerSpanUnderTheEnqueuingOne() throws Exception {
        Span checkout = tracer.spanBuilder("checkout").startSpan();
        try (Scope ignored = checkout.makeCurrent()) {
            Airlock.scope(scope -> Airlock.enqueue("ship", 9L));
        } finally {
            checkout.end();
        }

        receive();

        SpanContext inHandler = Handlers.SEEN.get(10, TimeUnit.SECONDS);
        SpanData dispatch = Spans.await(exporter, "airlock ship");
        assertThat(dispatch.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(dispatch.getTraceId()).isEqualTo(checkout.getSpanContext().getTraceId());
        assertThat(dispatch.getParentSpanContext().getSpanId()).isEqualTo(checkout.getSpanContext().getSpanId());
        assertThat(inHandler.getSpanId()).isEqualTo(dispatch.getSpanId());
    }

    @Singleton
    public static class Handlers {

        static final CompletableFuture<SpanContext> SEEN = new CompletableFuture<>();

        @AirlockTask
        void ship(long order) {
            SEEN.complete(Span.current().getSpanContext());
        }
    }
}
