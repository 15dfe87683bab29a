package io.quarkiverse.airlock.it.docs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.it.shop.OrderService;

// tag::job[]
@ApplicationScoped
@AirlockScope(policy = NoEmails.class) // every business method of the class runs in its own scope
public class NightlyBackfill {

    @Inject
    OrderService orders;

    public int run() { // the method a scheduler calls
        return orders.processAllNew().size();
    }
}
// end::job[]
