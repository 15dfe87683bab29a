package io.quarkiverse.airlock.runtime.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.DeadLetterFilter;
import io.quarkiverse.airlock.OutboxEntry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.ManagementInterface;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Dead letters for operators, on the management interface only ({@code quarkus.airlock.outbox.admin.enabled=true}):
 * list them by task and age, resubmit or discard them by id or by filter. Every request needs the role
 * {@code quarkus.airlock.outbox.admin.role}; the build also declares a management permission for these paths, so that
 * Quarkus security challenges a caller without credentials.
 */
@Singleton
public class OutboxAdminRoutes {

    /** Below the management root path. */
    public static final String PATH = "airlock/outbox/dead-letters";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final AirlockOutbox outbox;
    private final String role;
    private final String base;

    OutboxAdminRoutes(AirlockOutbox outbox, @ConfigProperty(name = "quarkus.airlock.outbox.admin.role") String role,
            @ConfigProperty(name = "quarkus.management.root-path", defaultValue = "/q") String root) {
        this.outbox = outbox;
        this.role = role;
        this.base = (root.endsWith("/") ? root : root + "/") + PATH;
    }

    void register(@Observes ManagementInterface management) {
        management.router().route(base).blockingHandler(this::handle, false);
        management.router().route(base + "/*").blockingHandler(this::handle, false);
    }

    private void handle(RoutingContext request) {
        SecurityIdentity identity = QuarkusHttpUser.getSecurityIdentityBlocking(request, null);
        if (identity == null || identity.isAnonymous()) {
            answer(request, 401, error("authentication required: the role " + role + " may manage dead letters"));
            return;
        }
        if (!identity.hasRole(role)) {
            answer(request, 403, error(identity.getPrincipal().getName() + " lacks the role " + role));
            return;
        }
        try {
            route(request, request.normalizedPath().substring(base.length()));
        } catch (IllegalArgumentException e) {
            answer(request, 400, error(e.getMessage()));
        } catch (IllegalStateException e) {
            answer(request, 503, error(e.getMessage()));
        }
    }

    private void route(RoutingContext request, String rest) {
        String method = request.request().method().name();
        String[] parts = rest.isEmpty() || rest.equals("/") ? new String[0] : rest.substring(1).split("/");
        if (parts.length == 0 && method.equals("GET")) {
            int limit = limit(request);
            List<OutboxEntry> rows = outbox.deadLetters(filter(request, false), limit);
            JsonArray entries = new JsonArray();
            rows.forEach(row -> entries.add(json(row)));
            answer(request, 200, new JsonObject().put("deadLetters", entries).put("count", rows.size()));
        } else if (parts.length == 1 && method.equals("POST") && parts[0].equals("resubmit")) {
            answer(request, 200, new JsonObject().put("resubmitted", outbox.resubmit(filter(request, true))));
        } else if (parts.length == 1 && method.equals("POST") && parts[0].equals("discard")) {
            answer(request, 200, new JsonObject().put("discarded", outbox.discard(filter(request, true))));
        } else if (parts.length == 2 && method.equals("POST") && parts[1].equals("resubmit")) {
            UUID id = id(parts[0]);
            found(request, outbox.resubmit(id), id, new JsonObject().put("resubmitted", 1));
        } else if (parts.length == 1 && method.equals("DELETE")) {
            UUID id = id(parts[0]);
            found(request, outbox.discard(id), id, new JsonObject().put("discarded", 1));
        } else if (parts.length == 1 && method.equals("GET")) {
            UUID id = id(parts[0]);
            Optional<OutboxEntry> row = outbox.find(id).filter(entry -> entry.status().equals(OutboxEntry.DEAD));
            found(request, row.isPresent(), id, row.map(OutboxAdminRoutes::json).orElse(null));
        } else {
            answer(request, 404, error("no such operation: " + method + " " + base + rest + "; see the outbox guide"));
        }
    }

    private static void found(RoutingContext request, boolean found, UUID id, JsonObject body) {
        if (found) {
            answer(request, 200, body);
        } else {
            answer(request, 404, error("no dead letter " + id));
        }
    }

    /**
     * The request's filter: {@code task}, {@code older-than} (a duration such as {@code 1h}); an operation on many rows
     * without either must say {@code all=true}, so that a forgotten parameter never resubmits everything.
     */
    private static DeadLetterFilter filter(RoutingContext request, boolean changes) {
        Optional<String> task = Optional.ofNullable(request.queryParams().get("task"));
        Optional<Duration> olderThan = Optional.ofNullable(request.queryParams().get("older-than"))
                .map(OutboxAdminRoutes::duration);
        if (changes && task.isEmpty() && olderThan.isEmpty() && !"true".equals(request.queryParams().get("all"))) {
            throw new IllegalArgumentException("name the dead letters: task=..., older-than=..., or all=true for every"
                    + " one of them");
        }
        return new DeadLetterFilter(task, olderThan);
    }

    private static Duration duration(String text) {
        try {
            return DurationConverter.parseDuration(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("older-than=" + text + " is not a duration: write it as 30m, 1h or 2d");
        }
    }

    private static int limit(RoutingContext request) {
        String text = request.queryParams().get("limit");
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("limit=" + text + " must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(text + " is not a row id (a UUID)");
        }
    }

    private static JsonObject json(OutboxEntry row) {
        return new JsonObject().put("id", row.id().toString()).put("task", row.task()).put("args", row.args())
                .put("attempts", row.attempts()).put("deadLetteredAt", String.valueOf(row.nextAttemptAt()))
                .put("createdAt", String.valueOf(row.createdAt())).put("lastError", row.lastError())
                .put("origin", row.origin());
    }

    private static JsonObject error(String message) {
        return new JsonObject().put("error", message);
    }

    private static void answer(RoutingContext request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(body.encode());
    }
}
