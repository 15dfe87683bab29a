package io.quarkiverse.airlock.it.shop;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;

/**
 * The checkout: each request is a unit of work. Its side effects escape when it succeeds and are dropped when it fails
 * or answers with an error status.
 */
@Path("/orders")
public class OrderResource {

    @Inject
    OrderService orders;

    @POST
    public Response create(@QueryParam("customer") String customer) {
        Order order = orders.create(customer == null ? "anonymous" : customer);
        return Response.status(Response.Status.CREATED).entity(order).build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        Order order = orders.find(id);
        return order == null ? Response.status(Response.Status.NOT_FOUND).build() : Response.ok(order).build();
    }

    @POST
    @Path("/{id}/checkout")
    @AirlockScope
    @Transactional
    public Response checkout(@PathParam("id") long id, @QueryParam("failAfterProcessing") boolean fail,
            @QueryParam("alsoNotifyPartner") boolean partner) {
        if (partner) {
            Airlock.enqueue("notifyFlakyPartner", id);
        }
        boolean found = orders.process(id);
        if (fail) {
            throw new IllegalStateException("payment declined for order " + id);
        }
        return found ? Response.ok(orders.find(id)).build() : Response.status(Response.Status.NOT_FOUND).build();
    }
}
