package it.messaging;

import io.quarkus.test.junit.QuarkusTest;

/** The Kafka producer keeps what it could not send in its buffer: after the restart the broker may get it twice. */
@QuarkusTest
class BrokerDownTest extends AbstractBrokerDownTest {
}
