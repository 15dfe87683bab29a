package io.quarkiverse.airlock.test.directcall;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.airlock.Airlock;

/** Legacy code calling a task method directly: its side effect bypasses every scope. */
@Singleton
public class Orders {

    @Inject
    Warehouse warehouse;

    // tag::direct-call[]
    public void checkout(long order) {
        warehouse.notifyWarehouse(order); // direct call
    }
    // end::direct-call[]

    // tag::routed-call[]
    public void checkoutThroughAirlock(long order) {
        Airlock.enqueue("notifyWarehouse", order); // the scope decides
    }
    // end::routed-call[]
}
