package it.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(AbstractOutboxBrokerDownTest.Outbox.class)
class OutboxBrokerDownTest extends AbstractOutboxBrokerDownTest {
}
