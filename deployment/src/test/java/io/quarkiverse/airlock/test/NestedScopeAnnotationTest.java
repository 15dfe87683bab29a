package io.quarkiverse.airlock.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * An {@code @AirlockScope} method calling another bean's {@code @AirlockScope} method: the inner scope's intents are
 * captured by the outer scope when the inner one flushes, and escape only when the outer one flushes; if the outer
 * method then throws, none of them runs.
 */
public class NestedScopeAnnotationTest extends RecordingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(Outer.class, Inner.class, NestedResource.class);

    @Inject
    Outer outer;

    @Inject
    Inner inner;

    @Test
    void innerScopeAloneFlushesWhenItReturns() {
        // the control: without an enclosing scope the inner method's intents escape at once
        inner.work("solo");
        assertThat(handlers.calls).containsExactly("inner:solo");
        assertThat(handlers.scopesKeptAt("inner")).hasSize(1);
        assertThat(handlers.scopesKeptAt("inner").get(0).isFlushed()).isTrue();
    }

    @Test
    void innerIntentsWaitForTheOuterScope() {
        outer.run("ok", false);

        assertThat(handlers.seen).as("handlers that had run when the inner call returned")
                .containsExactly("[]");
        assertThat(handlers.calls).containsExactly("outer-before:ok", "inner:ok", "outer-after:ok");

        Scope outerScope = handlers.scopesKeptAt("outer").get(0);
        Scope innerScope = handlers.scopesKeptAt("inner").get(0);
        assertThat(innerScope).isNotSameAs(outerScope);
        assertThat(innerScope.isFlushed()).isTrue();
        assertThat(outerScope.isFlushed()).isTrue();
        assertThat(names(outerScope.capturedIntents())).containsExactly("inner:ok");
        assertThat(names(outerScope.ownIntents())).containsExactly("outer-before:ok", "outer-after:ok");
    }

    @Test
    void outerFailureDiscardsTheCapturedInnerIntents() {
        IllegalStateException failure = new IllegalStateException("outer failed after inner returned");
        assertThatThrownBy(() -> outer.runAndFail("bad", failure)).isSameAs(failure);

        assertThat(handlers.calls).isEmpty();
        assertThat(handlers.scopesKeptAt("inner").get(0).isFlushed()).as("the inner scope itself completed normally").isTrue();
        Scope outerScope = handlers.scopesKeptAt("outer").get(0);
        assertThat(outerScope.isDiscarded()).isTrue();
        assertThat(names(outerScope.capturedIntents())).containsExactly("inner:bad");
    }

    @Test
    void innerFailureCaughtByTheOuterDropsOnlyTheInnerIntents() {
        outer.runCatchingInnerFailure("mixed");
        assertThat(handlers.calls).containsExactly("outer-before:mixed", "outer-after:mixed");
        assertThat(handlers.scopesKeptAt("inner").get(0).isDiscarded()).isTrue();
        assertThat(handlers.scopesKeptAt("outer").get(0).capturedIntents()).isEmpty();
    }

    @Test
    void innerUniScopeAwaitedInsideTheOuterIsCapturedToo() {
        IllegalStateException failure = new IllegalStateException("outer failed after the inner Uni completed");
        assertThatThrownBy(() -> outer.awaitInnerUniAndFail("uni", failure)).isSameAs(failure);

        assertThat(handlers.calls).as("the outer scope was discarded: nothing of the nested Uni scope may run")
                .isEmpty();
    }

    @Test
    void innerUniScopeAwaitedInsideTheOuterEscapesWithTheOuter() {
        outer.awaitInnerUni("uni-ok");
        assertThat(handlers.seen).as("handlers that had run when the inner Uni completed")
                .containsExactly("[]");
        assertThat(handlers.calls).containsExactly("inner-uni:uni-ok", "outer-after:uni-ok");
    }

    @Test
    void anOuterUniScopeCapturesAnInnerScopeCalledFromItsPipeline() {
        assertThat(outer.uniCallingInner("async-ok", null).await().atMost(Duration.ofSeconds(5))).isEqualTo(
                "async-ok");
        assertThat(handlers.seen).containsExactly("[]");
        assertThat(handlers.calls).containsExactly("inner:async-ok", "outer-after:async-ok");

        handlers.calls.clear();
        IllegalStateException failure = new IllegalStateException("outer Uni failed after inner returned");
        assertThatThrownBy(() -> outer.uniCallingInner("async-bad", failure).await().atMost(Duration.ofSeconds(5)))
                .isSameAs(failure);
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void innerUniScopeIsCapturedWhenTheOuterRunsOnAVertxContext() {
        // the same nesting, called from a blocking REST method (a worker thread on the request's duplicated context)
        given().queryParam("fail", true).get("/nested/uni/rest-bad").then().statusCode(500);
        assertThat(handlers.calls).as("the outer scope was discarded: nothing of the nested Uni scope may run")
                .isEmpty();

        given().get("/nested/uni/rest-ok").then().statusCode(200);
        assertThat(handlers.seen).containsExactly("[]");
        assertThat(handlers.calls).containsExactly("inner-uni:rest-ok", "outer-after:rest-ok");
    }

    private static List<String> names(List<Intent> intents) {
        return intents.stream().map(intent -> (String) intent.args().get(0)).collect(Collectors.toList());
    }

    @ApplicationScoped
    public static class Outer {

        @Inject
        Inner inner;

        @Inject
        Recorder handlers;

        @AirlockScope
        public void run(String id, boolean fail) {
            handlers.keepScope("outer");
            Airlock.enqueue("record", "outer-before:" + id);
            inner.work(id);
            handlers.seen.add(handlers.calls.toString());
            Airlock.enqueue("record", "outer-after:" + id);
        }

        @AirlockScope
        public void runAndFail(String id, RuntimeException failure) {
            handlers.keepScope("outer");
            Airlock.enqueue("record", "outer-before:" + id);
            inner.work(id);
            throw failure;
        }

        @AirlockScope
        public void runCatchingInnerFailure(String id) {
            handlers.keepScope("outer");
            Airlock.enqueue("record", "outer-before:" + id);
            try {
                inner.fail(id);
            } catch (IllegalArgumentException expected) {
                // the inner scope was discarded; the outer one carries on
            }
            Airlock.enqueue("record", "outer-after:" + id);
        }

        @AirlockScope
        public Uni<String> uniCallingInner(String id, RuntimeException failure) {
            return Uni.createFrom().item(id)
                    .onItem().delayIt().by(Duration.ofMillis(20))
                    .invoke(() -> inner.work(id))
                    .invoke(() -> handlers.seen.add(handlers.calls.toString()))
                    .invoke(() -> Airlock.enqueue("record", "outer-after:" + id))
                    .invoke(() -> {
                        if (failure != null) {
                            throw failure;
                        }
                    });
        }

        @AirlockScope
        public void awaitInnerUni(String id) {
            inner.workAsync(id).await().atMost(Duration.ofSeconds(5));
            handlers.seen.add(handlers.calls.toString());
            Airlock.enqueue("record", "outer-after:" + id);
        }

        @AirlockScope
        public void awaitInnerUniAndFail(String id, RuntimeException failure) {
            inner.workAsync(id).await().atMost(Duration.ofSeconds(5));
            throw failure;
        }
    }

    @ApplicationScoped
    public static class Inner {

        @Inject
        Recorder handlers;

        @AirlockScope
        public void work(String id) {
            handlers.keepScope("inner");
            Airlock.enqueue("record", "inner:" + id);
        }

        @AirlockScope
        public void fail(String id) {
            handlers.keepScope("inner");
            Airlock.enqueue("record", "inner:" + id);
            throw new IllegalArgumentException("inner failed");
        }

        @AirlockScope
        public Uni<String> workAsync(String id) {
            return Uni.createFrom().item(id)
                    .invoke(() -> Airlock.enqueue("record", "inner-uni:" + id));
        }
    }

    @Path("/nested")
    public static class NestedResource {

        @Inject
        Outer outer;

        @GET
        @Path("/uni/{id}")
        public String uni(@PathParam("id") String id, @QueryParam("fail") boolean fail) {
            if (fail) {
                outer.awaitInnerUniAndFail(id, new IllegalStateException("outer failed"));
            } else {
                outer.awaitInnerUni(id);
            }
            return "ok";
        }
    }
}
