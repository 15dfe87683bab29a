package io.quarkiverse.airlock.it.matrix;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.smallrye.common.annotation.RunOnVirtualThread;

/** A composition-matrix cell on a virtual thread. Compiled only on JDK 21 and newer. */
@Path("/matrix/virtual")
public class VirtualThreadMatrixResource {

    @Inject
    MatrixServices services;

    @POST
    @RunOnVirtualThread
    public Response run(@QueryParam("scope") String scope, @QueryParam("tx") String tx,
            @QueryParam("token") String token) {
        if (!Thread.currentThread().isVirtual()) {
            return Response.serverError().entity("not on a virtual thread: " + Thread.currentThread()).build();
        }
        services.run(scope, tx, token);
        return Response.ok("ok").build();
    }
}
