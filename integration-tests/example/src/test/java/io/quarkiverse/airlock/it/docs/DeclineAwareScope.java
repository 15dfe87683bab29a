package io.quarkiverse.airlock.it.docs;

import io.quarkiverse.airlock.Scope;

// tag::decline-aware-scope[]
/** Flushes on success, and also when the payment was declined: the customer must hear about it. */
public class DeclineAwareScope extends Scope {

    @Override
    protected boolean shouldFlush(Throwable error) {
        return error == null || error instanceof PaymentDeclinedException;
    }
}
// end::decline-aware-scope[]
