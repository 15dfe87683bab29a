package io.quarkiverse.airlock.it.docs;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Policy;

// tag::enqueuing-policy[]
/** Wrong: a policy must not create side effects. The enqueue below throws PolicyEnqueueException. */
public class EnqueuingPolicy implements Policy {

    @Override
    public boolean allows(Intent intent) {
        Airlock.enqueue("audit.record", "allowed " + intent.name(), null);
        return true;
    }
}
// end::enqueuing-policy[]
