package io.quarkiverse.airlock.it.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.test.observe.Spans;
import io.quarkiverse.airlock.test.observe.TracedTest;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;

/**
 * The trace an intent was enqueued in travels in its message: the consumer runs the handler in a span of that trace,
 * on whichever node receives it.
 */
public class MessagingTraceTest extends TracedTest {

    @RegisterExtension
    static final QuarkusUnitTest config = Spans.tracedApplication(Handlers.class)
            .overrideConfigKey("quarkus.airlock.executor", "messaging")
            .overrideConfigKey("quarkus.airlock.messaging.consumer.channel", "airlock-in")
            .overrideConfigKey("mp.messaging.outgoing.airlock-intents.connector", "smallrye-in-memory")
            .overrideConfigKey("mp.messaging.incoming.airlock-in.connector", "smallrye-in-memory");

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    @Test
    void theReceivingHandlerRunsInASpanOfTheEnqueuingTrace() throws Exception {
        InMemorySink<String> sink = connector.sink("airlock-intents");
        Span checkout = tracer.spanBuilder("checkout").startSpan();
        try (Scope ignored = checkout.makeCurrent()) {
            Airlock.scope(s -> Airlock.enqueue("invoice", 8L));
        } finally {
            checkout.end();
        }

        // another node receives the message: here, the same application's consumer channel
        connector.source("airlock-in").send(sink.received().get(0).getPayload());

        SpanContext inHandler = Handlers.SEEN.get(10, TimeUnit.SECONDS);
        SpanData dispatch = Spans.await(exporter, "airlock invoice");
        assertThat(dispatch.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(dispatch.getTraceId()).isEqualTo(checkout.getSpanContext().getTraceId());
        assertThat(dispatch.getParentSpanContext().getSpanId()).isEqualTo(checkout.getSpanContext().getSpanId());
        assertThat(inHandler.getSpanId()).isEqualTo(dispatch.getSpanId());
    }

    @Singleton
    public static class Handlers {

        static final CompletableFuture<SpanContext> SEEN = new CompletableFuture<>();

        @AirlockTask
        void invoice(long order) {
            SEEN.complete(Span.current().getSpanContext());
        }
    }
}
