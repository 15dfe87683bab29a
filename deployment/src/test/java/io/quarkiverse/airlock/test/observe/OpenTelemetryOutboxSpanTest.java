package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.test.outbox.OutboxTestApps;
import io.quarkiverse.airlock.test.outbox.TransactionalOrders;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The trace an intent was enqueued in is stored with its outbox row: the handler the relay runs later, on the relay's
 * thread, is in a child span of the enqueuing span.
 */
public class OpenTelemetryOutboxSpanTest extends TracedTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.outboxOnH2(
            Spans.tracedApplication(Handlers.class, TransactionalOrders.class, OutboxTestApps.class), "outbox-trace")
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");

    @Inject
    TransactionalOrders orders;

    @Test
    void theRelayedHandlerRunsInAChildSpanOfTheEnqueuingSpan() throws Exception {
        Span checkout = tracer.spanBuilder("checkout").startSpan();
        try (Scope ignored = checkout.makeCurrent()) {
            orders.place("ship", 31L);
        } finally {
            checkout.end();
        }
        SpanContext inHandler = Handlers.SEEN.get(10, TimeUnit.SECONDS);

        SpanData dispatch = Spans.await(exporter, "airlock ship");
        assertThat(dispatch.getTraceId()).isEqualTo(checkout.getSpanContext().getTraceId());
        assertThat(dispatch.getParentSpanContext().getSpanId()).isEqualTo(checkout.getSpanContext().getSpanId());
        assertThat(inHandler.getSpanId()).isEqualTo(dispatch.getSpanId());
        assertThat(Handlers.FROM_OUTBOX.get(10, TimeUnit.SECONDS)).as("run by the relay, from the row").isTrue();
    }

    public static class Handlers {

        static final CompletableFuture<SpanContext> SEEN = new CompletableFuture<>();
        static final CompletableFuture<Boolean> FROM_OUTBOX = new CompletableFuture<>();

        @AirlockTask
        void ship(long id) {
            SEEN.complete(Span.current().getSpanContext());
            FROM_OUTBOX.complete(AirlockOutbox.currentDelivery().isPresent());
        }
    }
}
