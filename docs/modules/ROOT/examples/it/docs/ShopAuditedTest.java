package io.quarkiverse.airlock.it.docs;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import io.quarkiverse.airlock.it.shop.OrderService;

/** The samples' tests that watch the shop's side effects too: each test starts with none recorded. */
abstract class ShopAuditedTest extends AuditedTest {

    @Inject
    OrderService orders;

    @BeforeEach
    void clearOrders() {
        orders.clear();
    }

    /** The shop's side effects so far, as {@code task(orderId)}. */
    List<String> sideEffects() {
        return orders.sideEffects().stream().map(effect -> effect.task + "(" + effect.orderId + ")").toList();
    }
}
