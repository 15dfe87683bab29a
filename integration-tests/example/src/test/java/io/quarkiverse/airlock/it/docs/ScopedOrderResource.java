package io.quarkiverse.airlock.it.docs;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.it.shop.OrderService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;

/**
 * REST endpoints of the guide's scope samples.
 */
@Path("/docs/orders")
public class ScopedOrderResource {

    @Inject
    OrderService orders;

    // tag::rest-status[]
    @POST
    @Path("/process")
    @AirlockScope
    public RestResponse<String> processAll(@QueryParam("id") List<Long> ids) {
        for (long id : ids) {
            if (!orders.process(id)) {
                // status >= 400: the intents of the orders processed so far are discarded
                return RestResponse.status(RestResponse.Status.NOT_FOUND, "no order " + id);
            }
        }
        return RestResponse.ok("processed " + ids); // success: they escape
    }
    // end::rest-status[]

    // tag::rest-uni[]
    @POST
    @Path("/{id}/export")
    @AirlockScope
    public Uni<String> export(@PathParam("id") long id) {
        return Uni.createFrom().item(id)
                .invoke(orderId -> Airlock.enqueue("audit.record", "exported", orderId)) // runs after export() returned
                .map(orderId -> "exported " + orderId); // the scope flushes when the Uni completes
    }
    // end::rest-uni[]

    @POST
    @Path("/{id}/export-failing")
    @AirlockScope
    public Uni<String> exportFailing(@PathParam("id") long id) {
        return Uni.createFrom().item(id)
                .invoke(orderId -> Airlock.enqueue("audit.record", "exported", orderId))
                .chain(orderId -> Uni.createFrom().failure(new IllegalStateException("export refused")));
    }

    // tag::rest-transactional[]
    @POST
    @Path("/{id}/process-in-transaction")
    @AirlockScope // runs inside the transaction, whatever the order of the annotations
    @Transactional
    public String processInTransaction(@PathParam("id") long id) {
        orders.process(id);
        Airlock.enqueue("audit.record", "processed", id);
        return "processed " + id; // the scope flushes now; the intents wait for the commit
    }
    // end::rest-transactional[]

    @POST
    @Path("/{id}/process-rollback-only")
    @AirlockScope
    @Transactional
    public String processRollbackOnly(@PathParam("id") long id) {
        orders.process(id);
        Airlock.enqueue("audit.record", "processed", id);
        QuarkusTransaction.setRollbackOnly();
        return "rolled back " + id;
    }

    // tag::rest-policy[]
    @POST
    @Path("/{id}/checkout")
    @AirlockScope(policy = MailSwitch.class) // a CDI bean: it may inject configuration
    public String checkout(@PathParam("id") long id) {
        orders.process(id);
        return "processed " + id;
    }
    // end::rest-policy[]
}
