package io.quarkiverse.airlock.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * What an asynchronous built-in executor promises a request-serving application: each handler runs once the scope has
 * flushed and its caller has moved on, outside any scope, on a duplicated context of its own (not the request's), on
 * the kind of thread the executor stands for; the delay option is honoured. A subclass per executor names it and says
 * what its threads look like.
 */
public abstract class AsyncExecutorContract {

    static final String MARKER = "airlock-test-request-marker";

    static QuarkusUnitTest applicationWith(String executor) {
        return TestApps.withExecutor(executor, AsyncExecutorContract.class, Handlers.class, Orders.class,
                OrderResource.class, Seen.class, Request.class);
    }

    /** Fails unless the handler ran on a thread of the executor under test. */
    abstract void assertRanOnExecutorThread(Seen seen);

    @Inject
    Handlers handlers;

    @Inject
    Orders orders;

    @Test
    void handlerRunsAfterTheScopedMethodReturned() throws Exception {
        CountDownLatch callerReturned = handlers.holdUntilReleased("plain");

        // a synchronous executor would run the handler inside this call, and the handler would wait for the latch
        orders.place("plain");
        callerReturned.countDown();

        Seen seen = handlers.seen("plain").get(5, TimeUnit.SECONDS);
        assertThat(seen.callerHadReturned).as("the @AirlockScope method returned before the handler ran").isTrue();
        assertThat(seen.thread).isNotSameAs(Thread.currentThread());
        assertRanOnExecutorThread(seen);
        assertThat(seen.onEventLoop).as("never on an event loop").isFalse();
        assertThat(seen.scopePresent).as("the handler runs outside any scope").isFalse();
        assertThat(seen.context).as("a Vert.x context").isNotNull();
        assertThat(seen.duplicated).as("a duplicated context").isTrue();
        assertThat(Airlock.openScopes()).isZero();
    }

    @Test
    void handlerGetsAContextOfItsOwnNotTheRequests() throws Exception {
        CountDownLatch callerReturned = handlers.holdUntilReleased("http-1");

        given().get("/async-executor/http-1").then().statusCode(200);
        callerReturned.countDown();

        Seen seen = handlers.seen("http-1").get(5, TimeUnit.SECONDS);
        Request request = handlers.requests.get("http-1");
        assertThat(request).as("the resource ran").isNotNull();
        assertThat(request.duplicated).as("the request runs on a duplicated context").isTrue();
        assertThat(seen.callerHadReturned).isTrue();
        assertThat(seen.scopePresent).isFalse();
        assertThat(seen.duplicated).isTrue();
        assertThat(seen.context).as("not the request's context").isNotSameAs(request.context);
        assertThat(seen.marker).as("the request's context-local data does not leak into the handler").isNull();
        assertThat(seen.thread).isNotSameAs(request.thread);
        assertRanOnExecutorThread(seen);
    }

    @Test
    void delayOptionPostponesTheHandler() throws Exception {
        Airlock.scope(s -> Airlock.intent("audit").args("delayed").option("delay", Duration.ofMillis(300)).enqueue());
        long flushed = System.nanoTime();

        Seen seen = handlers.seen("delayed").get(5, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(seen.at - flushed)).as("ms between flush and handler")
                .isBetween(250L, 4000L);
        assertThat(seen.onEventLoop).as("a delayed handler does not run on the timer's event loop").isFalse();
        assertRanOnExecutorThread(seen);
        assertThat(seen.scopePresent).isFalse();
        assertThat(seen.duplicated).isTrue();
    }

    @Test
    void delayGivenInMillisecondsIsHonouredToo() throws Exception {
        Airlock.scope(s -> Airlock.intent("audit").args("millis").option("delay", 300L).enqueue());
        long flushed = System.nanoTime();

        Seen seen = handlers.seen("millis").get(5, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(seen.at - flushed)).as("ms between flush and handler")
                .isBetween(250L, 4000L);
        assertRanOnExecutorThread(seen);
    }

    public static final class Seen {
        final Thread thread = Thread.currentThread();
        final String threadName = thread.getName();
        /** Thread.isVirtual() is JDK 21 API and this module compiles for 17. */
        final boolean virtual = thread.toString().startsWith("VirtualThread");
        final long at = System.nanoTime();
        final boolean onEventLoop = Context.isOnEventLoopThread();
        final Context context = Vertx.currentContext();
        final boolean duplicated = context != null && VertxContext.isDuplicatedContext(context);
        final Object marker = context == null ? null : context.getLocal(MARKER);
        final boolean scopePresent = Airlock.currentScope().isPresent();
        final boolean callerHadReturned;

        Seen(boolean callerHadReturned) {
            this.callerHadReturned = callerHadReturned;
        }

        @Override
        public String toString() {
            return thread.toString();
        }
    }

    public static final class Request {
        final Thread thread = Thread.currentThread();
        final Context context = Vertx.currentContext();
        final boolean duplicated = context != null && VertxContext.isDuplicatedContext(context);
    }

    /** What the handler saw, by the argument it ran for: each test uses arguments of its own, so none resets it. */
    @Singleton
    public static class Handlers {

        private static final CountDownLatch RELEASED = new CountDownLatch(0);

        final Map<String, CompletableFuture<Seen>> seen = new ConcurrentHashMap<>();
        final Map<String, Request> requests = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> callerReturned = new ConcurrentHashMap<>();

        CompletableFuture<Seen> seen(String what) {
            return seen.computeIfAbsent(what, ignored -> new CompletableFuture<>());
        }

        /** Makes the handler of {@code what} wait until the caller counts the returned latch down. */
        CountDownLatch holdUntilReleased(String what) {
            CountDownLatch latch = new CountDownLatch(1);
            callerReturned.put(what, latch);
            return latch;
        }

        @AirlockTask("audit")
        void audit(String what) throws InterruptedException {
            boolean returned = callerReturned.getOrDefault(what, RELEASED).await(5, TimeUnit.SECONDS);
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

    @Path("/async-executor")
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
