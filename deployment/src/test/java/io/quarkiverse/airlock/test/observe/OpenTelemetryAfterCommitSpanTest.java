package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.UserTransaction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Inside a JTA transaction the dispatch span starts after the commit, still a child of the span that enqueued the
 * intent; a rollback dispatches nothing, so there is no span.
 */
public class OpenTelemetryAfterCommitSpanTest extends TracedTest {

    @RegisterExtension
    static final QuarkusUnitTest config = Spans.tracedApplication(List.of("quarkus-narayana-jta-deployment"),
            Handlers.class);

    @Inject
    UserTransaction transaction;

    @Inject
    Handlers handlers;

    @BeforeEach
    void reset() {
        handlers.booked = null;
    }

    @Test
    void spanStartsAfterTheCommitAsAChildOfTheEnqueuingSpan() throws Exception {
        Span request = tracer.spanBuilder("booking").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            transaction.begin();
            Airlock.scope(scope -> Airlock.intent("book").args(3L).origin("POST /bookings").enqueue());
            assertThat(handlers.booked).as("deferred to the commit").isNull();
            transaction.commit();
        } finally {
            request.end();
        }

        assertThat(handlers.booked).as("the commit dispatched the intent").isNotNull();
        SpanData dispatch = Spans.await(exporter, "airlock book");
        Spans.assertDispatchedWithin(dispatch, request, "book", "POST /bookings", handlers.booked);
    }

    @Test
    void rollbackLeavesNoDispatchSpan() throws Exception {
        Span request = tracer.spanBuilder("cancelled booking").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            transaction.begin();
            Airlock.scope(scope -> Airlock.enqueue("book", 4L));
            transaction.rollback();
        } finally {
            request.end();
        }

        assertThat(handlers.booked).isNull();
        assertThat(Spans.exportedUpTo(exporter, "cancelled booking")).extracting(SpanData::getName)
                .doesNotContain("airlock book");
    }

    @Singleton
    public static class Handlers {

        volatile SpanContext booked;

        @AirlockTask
        void book(long booking) {
            booked = Span.current().getSpanContext();
        }
    }
}
