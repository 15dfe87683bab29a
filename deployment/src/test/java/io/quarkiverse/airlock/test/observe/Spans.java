package io.quarkiverse.airlock.test.observe;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/** Collects the application's spans in memory (Quarkus exports to every SpanExporter bean) and waits for them. */
@Singleton
public class Spans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }

    /** Spans are exported in batches: wait for the one named. */
    static SpanData await(InMemorySpanExporter exporter, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (SpanData span : exporter.getFinishedSpanItems()) {
                if (span.getName().equals(name)) {
                    return span;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no span '" + name + "' among " + exporter.getFinishedSpanItems());
    }

    /**
     * Every span exported up to the one named. Spans are queued for export as they end, so any span that ended
     * before the named one is among them: a span missing here was not there to end.
     */
    static List<SpanData> exportedUpTo(InMemorySpanExporter exporter, String name) throws InterruptedException {
        await(exporter, name);
        return exporter.getFinishedSpanItems();
    }
}
