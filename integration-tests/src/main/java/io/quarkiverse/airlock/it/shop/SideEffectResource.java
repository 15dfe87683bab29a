package io.quarkiverse.airlock.it.shop;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * What the task handlers really did.
 */
@Path("/side-effects")
public class SideEffectResource {

    public record Effect(String task, Long orderId) {
    }

    @Inject
    OrderService orders;

    @GET
    public List<Effect> list() {
        return orders.sideEffects().stream().map(effect -> new Effect(effect.task, effect.orderId)).toList();
    }

    /** Clears orders and side effects, for tests and demos. */
    @DELETE
    public void clear() {
        orders.clear();
    }
}
