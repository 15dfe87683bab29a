package io.quarkiverse.airlock.it.autoscope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkiverse.airlock.Airlock;
import io.vertx.ext.web.Router;

/**
 * A plain Vert.x route, outside any REST framework.
 */
@ApplicationScoped
public class AutoScopeRoutes {

    void routes(@Observes Router router) {
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
}
