package io.quarkiverse.airlock.it.matrix;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.airlock.test.matrix.Cell;
import io.quarkiverse.airlock.test.matrix.MatrixApp;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * A composition-matrix cell on a virtual thread: the matrix application's service, called as the cell's scope kind
 * says, from a real {@code @RunOnVirtualThread} endpoint. Compiled only on JDK 21 and newer.
 */
@Path("/matrix/virtual")
public class VirtualThreadMatrixResource {

    @Inject
    MatrixApp.Driver driver;

    @POST
    @RunOnVirtualThread
    public Response run(@QueryParam("cell") String id, @QueryParam("token") String token) throws Exception {
        if (!Thread.currentThread().isVirtual()) {
            return Response.serverError().entity("not on a virtual thread: " + Thread.currentThread()).build();
        }
        driver.blocking(Cell.of(id), token);
        return Response.ok("ok").build();
    }
}
