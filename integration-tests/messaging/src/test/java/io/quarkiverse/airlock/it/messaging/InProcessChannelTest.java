package io.quarkiverse.airlock.it.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With no connector configured, the outgoing channel and the consumer channel are the same in-process channel: the
 * messaging executor works out of the box and the handler runs with typed arguments, off the flushing thread.
 */
public class InProcessChannelTest {

    @RegisterExtension
    static final QuarkusUnitTest config = MessagingApps.of(InProcessChannelTest.class, Handlers.class);

    @Inject
    Handlers handlers;

    @Test
    void theLocalHandlerRuns() throws Exception {
        Thread flushing = Thread.currentThread();
        Airlock.scope(s -> Airlock.enqueue("reserve", 3, java.util.UUID.fromString("00000000-0000-0000-0000-000000000007")));

        assertThat(handlers.reserved.poll(10, TimeUnit.SECONDS)).isEqualTo("3 00000000-0000-0000-0000-000000000007");
        assertThat(handlers.threads.poll()).isNotSameAs(flushing);
    }

    @Singleton
    public static class Handlers {

        final BlockingQueue<String> reserved = new LinkedBlockingQueue<>();
        final BlockingQueue<Thread> threads = new LinkedBlockingQueue<>();

        @AirlockTask
        void reserve(int quantity, java.util.UUID item) {
            threads.add(Thread.currentThread());
            reserved.add(quantity + " " + item);
        }
    }
}
