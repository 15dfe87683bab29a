package io.quarkiverse.airlock.it.docs;

import java.util.List;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;

// tag::best-effort-scope[]
/** Dispatches every escaping intent even when one fails: failures are logged, not thrown. */
public class BestEffortScope extends Scope {

    private static final Logger LOG = Logger.getLogger(BestEffortScope.class);

    public BestEffortScope(Policy policy) {
        super(policy);
    }

    @Override
    protected void dispatchAll(List<Intent> intents) {
        for (Intent intent : intents) {
            try {
                super.dispatchAll(List.of(intent)); // keeps the built-in behaviour, such as waiting for a commit
            } catch (RuntimeException e) {
                LOG.errorf(e, "Side effect %s failed; dispatching the others", intent);
            }
        }
    }
}
// end::best-effort-scope[]
