package io.quarkiverse.airlock.runtime.health;

import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.airlock.runtime.config.AirlockRuntimeConfig;
import io.quarkiverse.airlock.runtime.outbox.DefaultAirlockOutbox;
import io.quarkiverse.airlock.runtime.outbox.OutboxSnapshot;
import io.quarkiverse.airlock.runtime.outbox.RelayStatus;

/**
 * Whether the outbox can take and deliver intents: its table answers, and the relay of this instance, when it has one,
 * runs and makes progress. Registered only when the application has SmallRye Health and the outbox is on.
 * <p>
 * A relay whose last look at the table failed stays UP until it has made no progress for its stall time: one failed
 * poll must not take the instance out of its load balancer, a relay stuck for minutes must. A relay turned off by
 * configuration is UP, and the data says so: delivering is then another instance's job.
 */
@Readiness
@Singleton
public class OutboxReadinessCheck implements HealthCheck {

    static final String NAME = "Airlock outbox";

    @Inject
    DefaultAirlockOutbox outbox;
    @Inject
    AirlockRuntimeConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        String table = table(response);
        String relay = relay(response, Instant.now());
        String reason = table != null ? table : relay;
        if (reason == null) {
            return response.up().build();
        }
        return response.down().withData("reason", reason).build();
    }

    /** Adds what the table holds; returns why it is DOWN, or null. */
    private String table(HealthCheckResponseBuilder response) {
        try {
            OutboxSnapshot rows = outbox.snapshot();
            response.withData("table-reachable", true)
                    .withData("pending", rows.pending())
                    .withData("held", rows.held())
                    .withData("dead", rows.dead())
                    .withData("oldest-due-age-seconds", rows.oldestDueAge().toSeconds());
            return null;
        } catch (RuntimeException e) {
            response.withData("table-reachable", false);
            return "The outbox table cannot be reached: " + e.getMessage();
        }
    }

    /** Adds the relay's state; returns why it is DOWN, or null. */
    private String relay(HealthCheckResponseBuilder response, Instant now) {
        Optional<RelayStatus> found = outbox.relayStatus();
        if (found.isEmpty()) {
            response.withData("relay", "disabled").withData("relay-disabled-by", !config.enabled()
                    ? "quarkus.airlock.enabled=false"
                    : "quarkus.airlock.outbox.relay-enabled=false");
            return null;
        }
        RelayStatus status = found.get();
        response.withData("relay", state(status, now))
                .withData("last-activity", status.lastActivity().toString());
        status.lastError().ifPresent(error -> response.withData("last-error", error));
        if (!status.running()) {
            return "The outbox relay of this instance is not running";
        }
        if (status.stalled(now)) {
            return "The outbox relay has made no progress since " + status.lastActivity() + ", longer than "
                    + status.stallAfter() + ": a handler may be stuck, or the table unreachable"
                    + status.lastError().map(error -> " (" + error + ")").orElse("");
        }
        return null;
    }

    private static String state(RelayStatus status, Instant now) {
        if (!status.running()) {
            return "stopped";
        } else if (status.stalled(now)) {
            return "stalled";
        }
        return status.tableReachable() ? "running" : "failing";
    }
}
