package io.quarkiverse.airlock.test.observe;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/** A test of a {@link Spans#tracedApplication traced application}: each test starts with no span exported. */
public abstract class TracedTest {

    @Inject
    protected InMemorySpanExporter exporter;

    @Inject
    protected Tracer tracer;

    @BeforeEach
    void forgetExportedSpans() {
        exporter.reset();
    }
}
