package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.runtime.metrics.AirlockMetrics;
import io.quarkiverse.airlock.runtime.trace.OpenTelemetryDispatchTracing;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.AirlockListener;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Without Micrometer and OpenTelemetry nothing of them is installed: no metrics listener, no tracing, so the hot paths
 * skip observation entirely and intents carry no trace context.
 */
public class WithoutObservabilityExtensionsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class));

    @Test
    void noMetricsListenerAndNoTracing() {
        assertThat(Arc.container().instance(AirlockMetrics.class).isAvailable()).isFalse();
        assertThat(Arc.container().listAll(AirlockListener.class))
                .noneMatch(listener -> listener.getBean().getBeanClass() == AirlockMetrics.class);
        assertThat(Arc.container().instance(OpenTelemetryDispatchTracing.class).isAvailable()).isFalse();
        assertThat(AirlockHooks.tracing()).isNull();

        Intent[] enqueued = new Intent[1];
        Airlock.scope(scope -> enqueued[0] = Airlock.enqueue("ship", 1L));
        assertThat(enqueued[0].traceContext()).isNull();
    }

    @Singleton
    public static class Handlers {

        @AirlockTask
        void ship(long order) {
        }
    }
}
