package it.messaging;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

/**
 * What every shared broker test starts from: the broker under test, the handlers' record of deliveries, and a shop
 * with nothing left over from an earlier test.
 */
public abstract class AbstractBrokerTest {

    @Inject
    Deliveries deliveries;

    @Inject
    Broker broker;

    @BeforeEach
    void drained() {
        await().atMost(Duration.ofSeconds(30)).until(broker::drained);
        deliveries.clear();
    }
}
