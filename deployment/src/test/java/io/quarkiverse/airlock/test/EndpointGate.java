package io.quarkiverse.airlock.test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

/**
 * Holds an endpoint between two steps while a test acts on its request from the client's side (closes the connection,
 * resets the stream), and notes what the endpoint's code met after that.
 */
@Singleton
public class EndpointGate {
    volatile CountDownLatch entered;
    volatile CountDownLatch release;
    volatile CountDownLatch finished;
    volatile Throwable failure;

    void reset() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        finished = new CountDownLatch(1);
        failure = null;
    }

    /** Runs {@code before}, waits for the test's go, then runs {@code after}, noting what it throws. */
    void serve(Runnable before, Runnable after) throws InterruptedException {
        try {
            before.run();
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            after.run();
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            finished.countDown();
        }
    }
}
