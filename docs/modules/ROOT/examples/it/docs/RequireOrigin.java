package io.quarkiverse.airlock.it.docs;

import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.PolicyViolationException;

// tag::require-origin[]
/** Rejects, at the enqueue call, any intent that does not say where it comes from; the others escape. */
public class RequireOrigin extends AllowAll {

    @Override
    public void onEnqueue(Intent intent) {
        if (intent.origin().isEmpty()) {
            throw new PolicyViolationException("RequireOrigin: " + intent
                    + " has no origin; enqueue it with Airlock.intent(...).origin(...)");
        }
    }

    @Override
    public String toString() {
        return "RequireOrigin";
    }
}
// end::require-origin[]
