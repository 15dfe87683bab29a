package io.quarkiverse.airlock.it.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;

/**
 * Quarkus REST's typed response: its status decides like a JAX-RS Response's.
 */
@Path("/rest-response")
public class RestResponseResource {

    @POST
    @Path("/{status}")
    @AirlockScope
    public RestResponse<String> answer(@PathParam("status") int status) {
        Airlock.enqueue("record", "rest-response-" + status, 0);
        return RestResponse.status(RestResponse.Status.fromStatusCode(status), "status " + status);
    }
}
