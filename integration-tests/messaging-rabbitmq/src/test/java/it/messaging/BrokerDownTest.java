package it.messaging;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BrokerDownTest extends AbstractBrokerDownTest {
}
