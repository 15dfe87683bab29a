package io.quarkiverse.airlock.it.messaging;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.test.observe.ConsumerSpanContract;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

/**
 * The trace an intent was enqueued in travels in its message: the consumer runs the handler in a span of that trace,
 * on whichever node receives it.
 */
public class MessagingTraceTest extends ConsumerSpanContract {

    @RegisterExtension
    static final QuarkusUnitTest config = MessagingApps.loopedBackInMemory(application("messaging", MessagingApps.class));

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    /** Another node receives the message: here, the same application's consumer channel. */
    @Override
    protected void receive() {
        connector.source("airlock-in").send(connector.<String> sink("airlock-intents").received().get(0).getPayload());
    }
}
