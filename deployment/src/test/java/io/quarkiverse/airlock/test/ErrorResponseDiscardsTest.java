package io.quarkiverse.airlock.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * A REST method annotated {@code @AirlockScope} that returns a JAX-RS {@code Response} or a {@code RestResponse}: a
 * status below 400 flushes, 400 and above discards; a thrown {@code NotFoundException} discards too. Driven over HTTP.
 */
public class ErrorResponseDiscardsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class, Resource.class));

    @Inject
    Handlers handlers;

    @BeforeEach
    void clear() {
        handlers.calls.clear();
        handlers.enqueued.clear();
    }

    @Test
    void response200Flushes() {
        given().get("/error-results/response/200").then().statusCode(200).body(equalTo("response 200"));
        assertThat(handlers.calls).containsExactly("response:200");
    }

    @Test
    void response399StillFlushes() {
        given().get("/error-results/response/399").then().statusCode(399);
        assertThat(handlers.calls).containsExactly("response:399");
    }

    @Test
    void response400Discards() {
        given().get("/error-results/response/400").then().statusCode(400);
        assertThat(handlers.enqueued).as("the intent was buffered in a scope").containsExactly("response:400");
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void response404Discards() {
        given().get("/error-results/response/404").then().statusCode(404);
        assertThat(handlers.enqueued).as("the intent was buffered in a scope").containsExactly("response:404");
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void response500Discards() {
        given().get("/error-results/response/500").then().statusCode(500);
        assertThat(handlers.enqueued).as("the intent was buffered in a scope").containsExactly("response:500");
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void restResponse201Flushes() {
        given().get("/error-results/rest-response/201").then().statusCode(201).body(equalTo("rest-response 201"));
        assertThat(handlers.calls).containsExactly("rest-response:201");
    }

    @Test
    void restResponse400Discards() {
        given().get("/error-results/rest-response/400").then().statusCode(400);
        assertThat(handlers.enqueued).as("the intent was buffered in a scope").containsExactly("rest-response:400");
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
    void uniOfResponse404Discards() {
        given().get("/error-results/uni-response/404").then().statusCode(404);
        assertThat(handlers.enqueued).as("the intent was buffered in a scope").containsExactly("uni-response:404");
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void uniOfResponse200Flushes() {
        given().get("/error-results/uni-response/200").then().statusCode(200);
        assertThat(handlers.calls).containsExactly("uni-response:200");
    }

    @Test
    void eachRequestIsDecidedOnItsOwn() {
        given().get("/error-results/response/500").then().statusCode(500);
        given().get("/error-results/response/200").then().statusCode(200);
        given().get("/error-results/rest-response/400").then().statusCode(400);
        given().get("/error-results/rest-response/201").then().statusCode(201);
        assertThat(handlers.calls).containsExactly("response:200", "rest-response:201");
    }

    @Singleton
    public static class Handlers {

        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<String> enqueued = new CopyOnWriteArrayList<>();

        void enqueue(String what) {
            Airlock.enqueue("record", what);
            enqueued.add(what);
        }

        @AirlockTask
        void record(String what) {
            calls.add(what);
        }
    }

    @Path("/error-results")
    public static class Resource {

        @Inject
        Handlers handlers;

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
