package io.quarkiverse.airlock.it.autoscope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.Scope;
import io.vertx.ext.web.Router;

/**
 * A plain Vert.x route, outside any REST framework.
 */
@ApplicationScoped
public class AutoScopeRoutes {

    void routes(@Observes Router router) {
        // how many scopes surround the handler: 1 under auto-scope, 0 for Quarkus' own endpoints
        router.get("/q/airlock-probe").handler(routing -> routing.response().end(String.valueOf(scopeDepth())));
        router.get("/auto/probe").handler(routing -> routing.response().end(String.valueOf(scopeDepth())));
        router.get("/auto/reroute").handler(routing -> routing.reroute("/auto/probe"));
        router.get("/auto/route/:number").handler(routing -> {
            String id = "auto-route-" + routing.pathParam("number");
            Airlock.enqueue("record", id, 0);
            if (routing.queryParam("fail").contains("true")) {
                routing.response().setStatusCode(503).end(id);
            } else {
                routing.response().end(id);
            }
        });
    }

    private static int scopeDepth() {
        int depth = 0;
        for (Scope scope = Airlock.currentScope().orElse(null); scope != null; scope = scope.parent().orElse(null)) {
            depth++;
        }
        return depth;
    }
}
