package io.quarkiverse.airlock.deployment;

import java.util.Optional;

import io.quarkiverse.airlock.runtime.ObservabilityRecorder;
import io.quarkiverse.airlock.runtime.config.AirlockConfig;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanContainerBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;

/**
 * Metrics with Micrometer, the outbox's readiness check with SmallRye Health, and dispatch spans with OpenTelemetry tracing,
 * each only when the application has that
 * extension (and, for tracing, has it enabled).
 * The classes are named as strings: without the extension their dependencies are not on the class path.
 */
class AirlockObservabilityProcessor {

    private static final String METRICS = "io.quarkiverse.airlock.runtime.metrics.AirlockMetrics";
    private static final String OUTBOX_METRICS = "io.quarkiverse.airlock.runtime.metrics.OutboxMetrics";
    private static final String OUTBOX_HEALTH = "io.quarkiverse.airlock.runtime.health.OutboxReadinessCheck";
    private static final String TRACING = "io.quarkiverse.airlock.runtime.trace.OpenTelemetryDispatchTracing";

    /** A listener bean: installed at start-up with the others; with the outbox, its gauges too. */
    @BuildStep
    void metricsListener(Capabilities capabilities, Optional<MetricsCapabilityBuildItem> metrics, AirlockConfig config,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.METRICS)
                && metrics.map(supported -> supported.metricsSupported(MetricsFactory.MICROMETER)).orElse(false)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(METRICS));
            if (config.outbox().enabled()) {
                beans.produce(AdditionalBeanBuildItem.unremovableOf(OUTBOX_METRICS));
            }
        }
    }

    /** Only with the health extension: the check's class needs MicroProfile Health, which is otherwise absent. */
    @BuildStep
    void outboxHealthCheck(Capabilities capabilities, AirlockConfig config, AirlockBuildTimeConfig buildConfig,
            BuildProducer<HealthBuildItem> checks) {
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH) && config.outbox().enabled()) {
            checks.produce(new HealthBuildItem(OUTBOX_HEALTH, buildConfig.health().enabled()));
        }
    }

    @BuildStep
    void tracingBean(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.OPENTELEMETRY_TRACER)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(TRACING));
        }
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void installTracing(Capabilities capabilities, ObservabilityRecorder recorder,
            BeanContainerBuildItem container, ShutdownContextBuildItem shutdown) {
        if (capabilities.isPresent(Capability.OPENTELEMETRY_TRACER)) {
            recorder.installTracing(shutdown);
        }
    }
}
