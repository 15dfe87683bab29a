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

    public record Observed(String task, Long orderId, String observedStatus) {
    }

    @Inject
    OrderService orders;

    @GET
    public List<Effect> list() {
        return orders.sideEffects().stream().map(effect -> new Effect(effect.task, effect.orderId)).toList();
    }

    @GET
    @Path("/observed")
    public List<Observed> observed() {
        return orders.sideEffects().stream()
                .map(effect -> new Observed(effect.task, effect.orderId, effect.observedStatus)).toList();
    }

    /** Clears orders and side effects, for tests and demos. */
    @DELETE
    public void clear() {
        orders.clear();
    }
}
