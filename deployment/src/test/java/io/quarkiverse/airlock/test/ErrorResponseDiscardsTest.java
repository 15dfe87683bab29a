package io.quarkiverse.airlock.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkiverse.airlock.AirlockScope;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * A REST method annotated {@code @AirlockScope} that returns a JAX-RS {@code Response} or a {@code RestResponse}: a
 * status below 400 flushes, 400 and above discards; a thrown {@code NotFoundException} discards too. Driven over HTTP.
 */
public class ErrorResponseDiscardsTest extends RecordingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(Resource.class);

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "response, 200", "response, 399", "rest-response, 201", "uni-response, 200" })
    void aStatusBelow400Flushes(String kind, int status) {
        given().get("/error-results/" + kind + "/" + status).then().statusCode(status)
                .body(equalTo(kind + " " + status));
        assertThat(handlers.calls).containsExactly(kind + ":" + status);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "response, 400", "response, 404", "response, 500", "rest-response, 400", "uni-response, 404" })
    void aStatusOf400OrAboveDiscards(String kind, int status) {
        given().get("/error-results/" + kind + "/" + status).then().statusCode(status);
        assertThat(handlers.enqueued).as("the intent was buffered in a scope").containsExactly(kind + ":" + status);
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void responseReturnedAsObjectIsJudgedByItsStatus() {
        given().get("/error-results/object/404").then().statusCode(404);
        given().get("/error-results/object/200").then().statusCode(200);
        assertThat(handlers.enqueued).containsExactly("object:404", "object:200");
        assertThat(handlers.calls).containsExactly("object:200");
    }

    @Test
    void thrownNotFoundExceptionDiscards() {
        given().get("/error-results/not-found").then().statusCode(404);
        assertThat(handlers.enqueued).as("the intent was buffered in a scope").containsExactly("not-found");
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void eachRequestIsDecidedOnItsOwn() {
        given().get("/error-results/response/500").then().statusCode(500);
        given().get("/error-results/response/200").then().statusCode(200);
        given().get("/error-results/rest-response/400").then().statusCode(400);
        given().get("/error-results/rest-response/201").then().statusCode(201);
        assertThat(handlers.calls).containsExactly("response:200", "rest-response:201");
    }

    @Path("/error-results")
    public static class Resource {

        @Inject
        Recorder handlers;

        @GET
        @Path("/response/{status}")
        @AirlockScope
        public Response response(@PathParam("status") int status) {
            return respond("response", status);
        }

        @GET
        @Path("/rest-response/{status}")
        @AirlockScope
        public RestResponse<String> restResponse(@PathParam("status") int status) {
            handlers.enqueue("rest-response:" + status);
            return RestResponse.status(RestResponse.Status.fromStatusCode(status), "rest-response " + status);
        }

        /** Declared as Object: only the returned value says that it is a response. */
        @GET
        @Path("/object/{status}")
        @AirlockScope
        public Object object(@PathParam("status") int status) {
            return respond("object", status);
        }

        private Response respond(String kind, int status) {
            handlers.enqueue(kind + ":" + status);
            return Response.status(status).entity(kind + " " + status).build();
        }

        @GET
        @Path("/not-found")
        @AirlockScope
        public String notFound() {
            handlers.enqueue("not-found");
            throw new NotFoundException("no such thing");
        }

        @GET
        @Path("/uni-response/{status}")
        @AirlockScope
        public Uni<Response> uniResponse(@PathParam("status") int status) {
            return Uni.createFrom().item(status)
                    .invoke(() -> handlers.enqueue("uni-response:" + status))
                    .map(code -> Response.status(code).entity("uni-response " + code).build());
        }
    }
}
