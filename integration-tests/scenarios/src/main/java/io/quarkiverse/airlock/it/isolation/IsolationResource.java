package io.quarkiverse.airlock.it.isolation;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * Endpoints of every execution model doing the same unit of work, for the isolation load test.
 */
@Path("/isolation")
public class IsolationResource {

    @Inject
    UnitOfWork work;

    @Inject
    DispatchLog log;

    /** On the event loop; the intents are enqueued across asynchronous delays. */
    @GET
    @Path("/reactive/{number}")
    @NonBlocking
    @AirlockScope
    public Uni<String> reactive(@PathParam("number") int number) {
        String id = "reactive-" + number;
        return Uni.createFrom().item(id)
                .invoke(work::first)
                .onItem().delayIt().by(Duration.ofMillis(1 + number % 3))
                .invoke(work::second)
                .onItem().delayIt().by(Duration.ofMillis(1 + number % 2))
                .invoke(work::third)
                .invoke(() -> failIfAsked(number))
                .replaceWith(id);
    }

    /** On a worker thread. */
    @GET
    @Path("/blocking/{number}")
    @Blocking
    @AirlockScope
    public Response blocking(@PathParam("number") int number) throws InterruptedException {
        String id = "blocking-" + number;
        work.blocking(id, number);
        return answer(number, id);
    }

    @GET
    @Path("/log/{id}")
    public String logOf(@PathParam("id") String id) {
        return log.of(id).toString();
    }

    @GET
    @Path("/open-scopes")
    public long openScopes() {
        return Airlock.openScopes();
    }

    @DELETE
    @Path("/log")
    public void clear() {
        log.clear();
    }

    static Response answer(int number, String id) {
        if (UnitOfWork.fails(number)) {
            if (number % 2 == 0) {
                return Response.status(Response.Status.CONFLICT).entity(id).build();
            }
            throw new IllegalStateException("request " + id + " fails on purpose");
        }
        return Response.ok(id).build();
    }

    static void failIfAsked(int number) {
        if (UnitOfWork.fails(number)) {
            throw number % 2 == 0 ? new WebApplicationException(Response.Status.CONFLICT)
                    : new IllegalStateException("request " + number + " fails on purpose");
        }
    }
}
