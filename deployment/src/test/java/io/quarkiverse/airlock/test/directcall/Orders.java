package io.quarkiverse.airlock.test.directcall;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Legacy code calling a task method directly: its side effect bypasses every scope. */
@Singleton
public class Orders {

    @Inject
    Warehouse warehouse;

    public void checkout(long order) {
        warehouse.notifyWarehouse(order); // direct call
    }
}
