package io.quarkiverse.airlock.it.docs;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.PolicyViolationException;

// tag::require-origin[]
/** Rejects, at the enqueue call, any intent that does not say where it comes from. */
public class RequireOrigin implements Policy {

    @Override
    public void onEnqueue(Intent intent) {
        if (intent.origin().isEmpty()) {
            throw new PolicyViolationException("RequireOrigin: " + intent
                    + " has no origin; enqueue it with Airlock.intent(...).origin(...)");
        }
    }

    @Override
    public boolean allows(Intent intent) {
        return true;
    }

    @Override
    public String toString() {
        return "RequireOrigin";
    }
}
// end::require-origin[]
