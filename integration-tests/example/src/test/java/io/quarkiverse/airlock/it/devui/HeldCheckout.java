package io.quarkiverse.airlock.it.devui;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.it.shop.OrderService;

/**
 * Added to the example shop by the Dev UI browser test only: the shop's checkout, with a gift note, that waits at a
 * gate the test opens. While it waits, its intents are pending; once released, it commits and they are dispatched.
 */
@Path("/held-checkout")
public class HeldCheckout {

    private static final Map<Long, CountDownLatch> GATES = new ConcurrentHashMap<>();

    @Inject
    OrderService orders;

    @POST
    @Path("/{id}")
    @Consumes(MediaType.TEXT_PLAIN)
    @AirlockScope
    @Transactional
    public String checkout(@PathParam("id") long id, String giftNote) throws InterruptedException {
        Airlock.enqueue("printGiftNote", id, giftNote);
        if (!orders.process(id)) {
            throw new NotFoundException("No order " + id);
        }
        if (!gate(id).await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Checkout of order " + id + " was never released");
        }
        return orders.describe(id);
    }

    @POST
    @Path("/{id}/release")
    public void release(@PathParam("id") long id) {
        gate(id).countDown();
    }

    @AirlockTask
    void printGiftNote(long orderId, String note) {
    }

    private static CountDownLatch gate(long id) {
        return GATES.computeIfAbsent(id, ignored -> new CountDownLatch(1));
    }
}
