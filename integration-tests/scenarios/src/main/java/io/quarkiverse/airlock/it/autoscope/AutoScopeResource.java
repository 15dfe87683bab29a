package io.quarkiverse.airlock.it.autoscope;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.it.isolation.UnitOfWork;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * Endpoints without {@code @AirlockScope}: they only have a scope when {@code quarkus.airlock.http.auto-scope} is on.
 */
@Path("/auto")
public class AutoScopeResource {

    @Inject
    UnitOfWork work;

    @GET
    @Path("/reactive/{number}")
    @NonBlocking
    public Uni<String> reactive(@PathParam("number") int number) {
        String id = "auto-reactive-" + number;
        return Uni.createFrom().item(id).invoke(work::first)
                .onItem().delayIt().by(Duration.ofMillis(2))
                .invoke(work::second).invoke(work::third);
    }

    @GET
    @Path("/blocking/{number}")
    @Blocking
    public String blocking(@PathParam("number") int number) {
        String id = "auto-blocking-" + number;
        work.first(id);
        work.second(id);
        work.third(id);
        return id;
    }

    @GET
    @Path("/not-found/{number}")
    @Blocking
    public Response notFound(@PathParam("number") int number) {
        Airlock.enqueue("record", "auto-not-found-" + number, 0);
        return Response.status(Response.Status.NOT_FOUND).build();
    }

    @GET
    @Path("/throws/{number}")
    @Blocking
    public String throwsNotFound(@PathParam("number") int number) {
        Airlock.enqueue("record", "auto-throws-" + number, 0);
        throw new NotFoundException("no such thing");
    }
}
