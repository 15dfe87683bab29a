package io.quarkiverse.airlock.it.docs;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;

// tag::resource[]
@Path("/docs/welcome")
public class WelcomeResource {

    @POST
    @Path("/{name}")
    @AirlockScope // the request is a unit of work
    public String signUp(@PathParam("name") String name, @QueryParam("fail") boolean fail) {
        Airlock.enqueue("sendWelcomeMail", name); // expressed now, runs when signUp() succeeds
        if (fail) {
            throw new IllegalArgumentException("name taken"); // the mail is never sent
        }
        return "welcome " + name;
    }
}
// end::resource[]
