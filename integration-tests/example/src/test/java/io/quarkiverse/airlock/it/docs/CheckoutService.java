package io.quarkiverse.airlock.it.docs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.it.shop.OrderService;

// tag::service[]
@ApplicationScoped
public class CheckoutService {

    @Inject
    OrderService orders;

    @AirlockScope // flushes when checkout() returns, discards when it throws
    public void checkout(long orderId) {
        orders.process(orderId);
    }
}
// end::service[]
