package io.quarkiverse.airlock.it.matrix;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkiverse.airlock.Airlock;

/** A later unit of work whose transaction commits: once its effect ran, any effect flushed before it was dispatched. */
@Path("/matrix/marker")
public class MatrixMarkerResource {

    @Inject
    MatrixServices.Markers markers;

    @POST
    public String marker(@QueryParam("token") String token) {
        Airlock.scope(scope -> markers.commit(token));
        return "ok";
    }
}
