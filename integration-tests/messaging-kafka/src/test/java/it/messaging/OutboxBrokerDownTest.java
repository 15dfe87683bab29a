package it.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The broker stops and restarts (a new JVM on the same data) while rows commit through the outbox. */
@QuarkusTest
@TestProfile(AbstractOutboxBrokerDownTest.Outbox.class)
class OutboxBrokerDownTest extends AbstractOutboxBrokerDownTest {
}
