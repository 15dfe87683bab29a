package io.quarkiverse.airlock.benchmarks.quarkus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;

/**
 * Endpoints that differ only in how a scope surrounds them, for the HTTP load comparison. Those with a side effect
 * express one, which the synchronous executor runs before the response is written.
 */
@Path("/bench")
public class BenchmarkResource {

    private static final String BODY = "ok";

    /** No Airlock at all (and, when auto-scope is on, an empty request scope). */
    @GET
    @Path("plain")
    public String plain() {
        return BODY;
    }

    /**
     * The endpoint without Airlock again, on the path where the auto-scope build serves Quarkus' own endpoints, which
     * the auto-scope leaves alone: the baseline within the auto-scope's JVM.
     */
    @GET
    @Path("unscoped/plain")
    public String unscopedPlain() {
        return BODY;
    }

    /** The same endpoint under {@code @AirlockScope} and nothing else: the cost of the scope alone. */
    @GET
    @Path("scoped-empty")
    @AirlockScope
    public String scopedEmpty() {
        return BODY;
    }

    /** The same endpoint under {@code @AirlockScope}, with one side effect. */
    @GET
    @Path("scoped")
    @AirlockScope
    public String scoped() {
        Airlock.enqueue("notifyWarehouse", 42L);
        return BODY;
    }

    /** One side effect in the request scope that {@code quarkus.airlock.http.auto-scope=true} opens. */
    @GET
    @Path("auto")
    public String auto() {
        Airlock.enqueue("notifyWarehouse", 42L);
        return BODY;
    }
}
