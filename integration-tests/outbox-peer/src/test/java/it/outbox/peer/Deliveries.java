package it.outbox.peer;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The deliveries of one phase of the benchmark, awaited without polling so that the last one ends the timing. */
final class Deliveries {

    private final AtomicLong count = new AtomicLong();
    private volatile CountDownLatch expected = new CountDownLatch(0);

    /** Starts a phase that expects {@code total} deliveries. */
    void expect(int total) {
        count.set(0);
        expected = new CountDownLatch(total);
    }

    void delivered() {
        count.incrementAndGet();
        expected.countDown();
    }

    /** @return whether the expected deliveries all came within {@code timeout} */
    boolean await(Duration timeout) throws InterruptedException {
        return expected.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    long count() {
        return count.get();
    }
}
