package io.quarkiverse.airlock.test.devui;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;

/**
 * A partner API behind the outbox, for the Dev UI's dead letters: it is down until told otherwise. A top-level class,
 * because dev mode loads the application apart from the test.
 */
@Path("/partner")
public class DevPartner {

    static final AtomicBoolean UP = new AtomicBoolean();
    static final AtomicInteger DELIVERED = new AtomicInteger();

    @POST
    @Path("/orders/{id}")
    @AirlockScope
    public void order(@PathParam("id") long id) {
        Airlock.enqueue("notifyPartner", id);
    }

    @POST
    @Path("/up")
    public void up() {
        UP.set(true);
    }

    @GET
    @Path("/delivered")
    public String delivered() {
        return String.valueOf(DELIVERED.get());
    }

    @AirlockTask
    void notifyPartner(long id) {
        if (!UP.get()) {
            throw new IllegalStateException("partner is down for order " + id);
        }
        DELIVERED.incrementAndGet();
    }
}
