package io.quarkiverse.airlock.test.observe;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Over the event bus the enqueuing trace context travels in {@code airlock-trace-*} headers: the consumer runs the
 * handler in a CONSUMER span whose parent is the span that enqueued.
 */
public class OpenTelemetryEventBusSpanTest extends ConsumerSpanContract {

    @RegisterExtension
    static final QuarkusUnitTest config = application("event-bus");
}
