package io.quarkiverse.airlock.it.docs;

import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.context.ManagedExecutor;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.smallrye.mutiny.Multi;

/**
 * REST endpoints of the guide's reactive samples.
 */
@Path("/docs/reactive")
public class ReactiveOrderResource {

    @Inject
    ManagedExecutor executor;

    // tag::multi[]
    @GET
    @Path("/{id}/steps")
    @AirlockScope
    public Multi<String> steps(@PathParam("id") long id, @QueryParam("failAt") String failAt) {
        return Multi.createFrom().items("packed", "labelled", "shipped")
                .invoke(step -> {
                    if (step.equals(failAt)) {
                        throw new IllegalStateException("stopped at " + step); // the stream fails: all discarded
                    }
                    Airlock.enqueue("audit.record", step, id); // same scope for every item
                }); // the scope flushes when the stream completes
    }
    // end::multi[]

    // tag::completion-stage[]
    @POST
    @Path("/{id}/archive")
    @AirlockScope
    public CompletionStage<String> archive(@PathParam("id") long id, @QueryParam("fail") boolean fail) {
        Airlock.enqueue("audit.record", "archived", id); // enqueue here, on the request's thread...
        return executor.supplyAsync(() -> { // ...not in the asynchronous part: it runs outside the scope
            if (fail) {
                throw new IllegalStateException("archive unavailable"); // a failed stage discards
            }
            return "archived " + id;
        }); // the scope flushes when the stage completes
    }
    // end::completion-stage[]
}
