package io.quarkiverse.airlock.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * quarkus.airlock.executor=virtual-threads: each handler runs on a virtual thread once the scope has flushed and its
 * caller has moved on, outside any scope, on a duplicated context of its own; the delay option is honoured.
 * (VirtualThreadExecutorTest checks the basic case; this class checks what a request-serving application relies on.)
 */
public class VirtualThreadExecutorIsolationTest {

    static final String MARKER = "airlock-test-request-marker";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class, Orders.class, OrderResource.class,
                    Seen.class, Request.class))
            .overrideConfigKey("quarkus.airlock.executor", "virtual-threads")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Inject
    Handlers handlers;

    @Inject
    Orders orders;

    @BeforeEach
    void clear() {
        handlers.seen.clear();
        handlers.requests.clear();
        handlers.callerReturned = new CountDownLatch(0);
    }

    @Test
    void handlerRunsOnAVirtualThreadAfterTheScopedMethodReturned() throws Exception {
        CountDownLatch callerReturned = new CountDownLatch(1);
        handlers.callerReturned = callerReturned;

        orders.place("plain");
        callerReturned.countDown();

        Seen seen = handlers.seen("plain").get(5, TimeUnit.SECONDS);
        assertThat(seen.virtual).as("Thread.isVirtual() in the handler (%s)", seen.threadDescription).isTrue();
        assertThat(seen.thread).isNotSameAs(Thread.currentThread());
        assertThat(seen.callerHadReturned).as("the @AirlockScope method returned before the handler ran").isTrue();
        assertThat(seen.scopePresent).as("the handler runs outside any scope").isFalse();
        assertThat(seen.duplicated).as("the handler runs on a duplicated context").isTrue();
        assertThat(Airlock.openScopes()).isZero();
    }

    @Test
    void handlerGetsAContextOfItsOwnNotTheRequests() throws Exception {
        CountDownLatch callerReturned = new CountDownLatch(1);
        handlers.callerReturned = callerReturned;

        given().get("/virtual-executor/http-1").then().statusCode(200);
        callerReturned.countDown();

        Seen seen = handlers.seen("http-1").get(5, TimeUnit.SECONDS);
        Request request = handlers.requests.get("http-1");
        assertThat(request).as("the resource ran").isNotNull();
        assertThat(request.duplicated).isTrue();
        assertThat(seen.virtual).as("Thread.isVirtual() in the handler (%s)", seen.threadDescription).isTrue();
        assertThat(seen.callerHadReturned).isTrue();
        assertThat(seen.scopePresent).isFalse();
        assertThat(seen.duplicated).isTrue();
        assertThat(seen.context).as("not the request's context").isNotSameAs(request.context);
        assertThat(seen.marker).as("the request's context-local data does not leak into the handler").isNull();
    }

    @Test
    void delayOptionPostponesTheHandler() throws Exception {
        Airlock.scope(s -> Airlock.intent("audit").args("delayed").option("delay", 300L).enqueue());
        long flushed = System.nanoTime();

        Seen seen = handlers.seen("delayed").get(5, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(seen.at - flushed)).as("ms between flush and handler")
                .isBetween(250L, 4000L);
        assertThat(seen.virtual).as("a delayed handler runs on a virtual thread too (%s)", seen.threadDescription)
                .isTrue();
        assertThat(seen.scopePresent).isFalse();
    }

    /** Thread.isVirtual() is JDK 21 API and this module compiles for 17: call it reflectively. */
    static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    public static final class Seen {
        final Thread thread = Thread.currentThread();
        final String threadDescription = thread.toString();
        final boolean virtual = isVirtual(thread);
        final long at = System.nanoTime();
        final Context context = Vertx.currentContext();
        final boolean duplicated = context != null && VertxContext.isDuplicatedContext(context);
        final Object marker = context == null ? null : context.getLocal(MARKER);
        final boolean scopePresent = Airlock.currentScope().isPresent();
        final boolean callerHadReturned;

        Seen(boolean callerHadReturned) {
            this.callerHadReturned = callerHadReturned;
        }
    }

    public static final class Request {
        final Context context = Vertx.currentContext();
        final boolean duplicated = context != null && VertxContext.isDuplicatedContext(context);
    }

    @Singleton
    public static class Handlers {

        final Map<String, CompletableFuture<Seen>> seen = new ConcurrentHashMap<>();
        final Map<String, Request> requests = new ConcurrentHashMap<>();
        volatile CountDownLatch callerReturned = new CountDownLatch(0);

        CompletableFuture<Seen> seen(String what) {
            return seen.computeIfAbsent(what, ignored -> new CompletableFuture<>());
        }

        @AirlockTask("audit")
        void audit(String what) throws InterruptedException {
            boolean returned = callerReturned.await(5, TimeUnit.SECONDS);
            seen(what).complete(new Seen(returned));
        }
    }

    @Singleton
    public static class Orders {

        @AirlockScope
        public void place(String what) {
            Airlock.enqueue("audit", what);
        }
    }

    @Path("/virtual-executor")
    public static class OrderResource {

        @Inject
        Handlers handlers;

        @GET
        @Path("/{what}")
        @AirlockScope
        public String place(@PathParam("what") String what) {
            Request request = new Request();
            if (request.context != null) {
                request.context.putLocal(MARKER, what);
            }
            handlers.requests.put(what, request);
            Airlock.enqueue("audit", what);
            return "ok";
        }
    }
}
