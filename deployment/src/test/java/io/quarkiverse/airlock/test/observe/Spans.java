package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.spec.JavaArchive;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;

/** Collects the application's spans in memory (Quarkus exports to every SpanExporter bean) and waits for them. */
@Singleton
public class Spans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }

    /**
     * A test application with OpenTelemetry, the given classes and this one, exporting its spans every 50 ms.
     *
     * @param extensions further Quarkus extensions the test needs, by deployment artifact id
     */
    public static QuarkusUnitTest tracedApplication(List<String> extensions, Class<?>... classes) {
        List<Dependency> forced = new ArrayList<>();
        forced.add(Dependency.of("io.quarkus", "quarkus-opentelemetry-deployment", Version.getVersion()));
        for (String extension : extensions) {
            forced.add(Dependency.of("io.quarkus", extension, Version.getVersion()));
        }
        return new QuarkusUnitTest()
                .overrideConfigKey("quarkus.http.test-port", "0")
                .withApplicationRoot((JavaArchive jar) -> jar.addClasses(classes).addClasses(Spans.class, TracedTest.class))
                .setForcedDependencies(forced)
                .overrideConfigKey("quarkus.otel.bsp.schedule.delay", "50ms")
                .overrideConfigKey("quarkus.otel.metrics.enabled", "false")
                .overrideConfigKey("quarkus.otel.logs.enabled", "false");
    }

    public static QuarkusUnitTest tracedApplication(Class<?>... classes) {
        return tracedApplication(List.of(), classes);
    }

    /** Spans are exported in batches: wait for the one named. */
    public static SpanData await(InMemorySpanExporter exporter, String name) throws InterruptedException {
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
     * Asserts that {@code dispatch} is the span of a dispatch of {@code task} within {@code request}: its child, in its
     * trace, naming the task and the intent's origin, and the span current while the handler ran.
     *
     * @param inHandler the span context the handler saw
     */
    public static void assertDispatchedWithin(SpanData dispatch, Span request, String task, String origin,
            SpanContext inHandler) {
        assertThat(dispatch.getParentSpanContext().getSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(dispatch.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(dispatch.getAttributes().asMap())
                .containsEntry(AttributeKey.stringKey("airlock.task"), task)
                .containsEntry(AttributeKey.stringKey("airlock.origin"), origin);
        assertThat(inHandler.getSpanId()).as("the dispatch span is current in the handler")
                .isEqualTo(dispatch.getSpanId());
    }

    /**
     * Every span exported up to the one named. Spans are queued for export as they end, so any span that ended
     * before the named one is among them: a span missing here was not there to end.
     */
    public static List<SpanData> exportedUpTo(InMemorySpanExporter exporter, String name) throws InterruptedException {
        await(exporter, name);
        return exporter.getFinishedSpanItems();
    }
}
