package io.quarkiverse.airlock.test.directcall;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.spec.JavaArchive;

import io.quarkiverse.airlock.AirlockDirectCall;
import io.quarkus.test.QuarkusUnitTest;

/** Calls a task method directly on purpose, marked on the method (also covering its lambdas) and on a nested class. */
@Singleton
public class Probe {

    /** An application of the warehouse, this probe and the given classes, on a free HTTP port. */
    static QuarkusUnitTest applicationWith(Class<?>... classes) {
        return new QuarkusUnitTest()
                .overrideConfigKey("quarkus.http.test-port", "0")
                .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Warehouse.class, Probe.class,
                        Probe.Maintenance.class).addClasses(classes)
                        .addClass(Probe.Maintenance.class.getName() + "$1"));
    }

    @Inject
    Warehouse warehouse;

    // tag::marked-method[]
    @AirlockDirectCall("the probe must reach the warehouse at once")
    public void probe() {
        warehouse.notifyWarehouse(0L);
        List.of(1L, 2L).forEach(order -> warehouse.notifyWarehouse(order));
    }
    // end::marked-method[]

    @AirlockDirectCall
    public static class Maintenance {

        public void resend(Warehouse warehouse) {
            warehouse.notifyWarehouse(3L);
            Runnable later = new Runnable() {
                @Override
                public void run() {
                    warehouse.notifyWarehouse(4L);
                }
            };
            later.run();
        }
    }
}
