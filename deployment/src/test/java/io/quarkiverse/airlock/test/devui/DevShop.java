package io.quarkiverse.airlock.test.devui;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.BlockTasks;

/**
 * A small shop for the Dev UI tests, served with quarkus.airlock.http.auto-scope=true: each request is a scope. A
 * checkout holds its request open until released, so its intent stays pending for as long as a test needs.
 */
public final class DevShop {

    private DevShop() {
    }

    @Path("/dev-shop")
    public static class Resource {

        private static final Map<String, CountDownLatch> RELEASES = new ConcurrentHashMap<>();

        @POST
        @Path("/orders/{id}")
        public String checkout(@PathParam("id") String id, @QueryParam("note") @DefaultValue("") String note)
                throws InterruptedException {
            Airlock.enqueue("notifyWarehouse", id, note);
            if (!latch(id).await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Order " + id + " was never released");
            }
            return "checked out " + id;
        }

        @POST
        @Path("/orders/{id}/release")
        public void release(@PathParam("id") String id) {
            latch(id).countDown();
        }

        @POST
        @Path("/declined/{id}")
        public Response declined(@PathParam("id") String id) {
            Airlock.enqueue("notifyWarehouse", id, "declined");
            return Response.status(402).build();
        }

        @POST
        @Path("/quiet/{id}")
        public String quiet(@PathParam("id") String id) {
            Airlock.policy(new BlockTasks("notifyWarehouse"), () -> Airlock.enqueue("notifyWarehouse", id, "quiet"));
            return "quiet";
        }

        @POST
        @Path("/charge/{id}")
        public String charge(@PathParam("id") String id) {
            Airlock.enqueue("chargeCard", id);
            return "charged";
        }

        @POST
        @Path("/audit")
        public String audit() {
            Airlock.enqueue("audit", new Hostile());
            Airlock.enqueue("audit", new Asserting());
            Airlock.enqueue("audit", "<b>bold</b>".repeat(100));
            Airlock.enqueue("audit", "two\nlines");
            return "audited";
        }

        private static CountDownLatch latch(String id) {
            return RELEASES.computeIfAbsent(id, ignored -> new CountDownLatch(1));
        }
    }

    @ApplicationScoped
    public static class Tasks {

        @AirlockTask
        void notifyWarehouse(String order, String note) {
        }

        @AirlockTask
        void chargeCard(String order) {
            throw new IllegalStateException("card declined for order " + order);
        }

        @AirlockTask
        void audit(Object value) {
        }
    }

    /** An argument whose toString() throws an Error, not an exception. */
    public static final class Asserting {
        @Override
        public String toString() {
            throw new AssertionError("never rendered");
        }
    }

    /** An argument whose toString() throws. */
    public static final class Hostile {
        @Override
        public String toString() {
            throw new UnsupportedOperationException("no");
        }
    }
}
