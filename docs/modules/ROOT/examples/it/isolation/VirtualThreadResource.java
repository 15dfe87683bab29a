package io.quarkiverse.airlock.it.isolation;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.airlock.AirlockScope;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * The unit of work on a virtual thread. Compiled only on JDK 21 and newer.
 */
@Path("/isolation/virtual")
public class VirtualThreadResource {

    @Inject
    UnitOfWork work;

    // tag::virtual[]
    @GET
    @Path("/{number}")
    @RunOnVirtualThread
    @AirlockScope
    public Response virtual(@PathParam("number") int number) throws InterruptedException {
        if (!Thread.currentThread().isVirtual()) {
            return Response.serverError().entity("not on a virtual thread: " + Thread.currentThread()).build();
        }
        String id = "virtual-" + number;
        work.blocking(id, number); // enqueues its intents, blocking between them
        return IsolationResource.answer(number, id);
    }
    // end::virtual[]
}
