package io.quarkiverse.airlock.it.shop;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same tests against the packaged application: the native executable with {@code -Dnative}, the jar with
 * {@code -DskipITs=false}.
 */
@QuarkusIntegrationTest
class CheckoutIT extends CheckoutTest {
}
