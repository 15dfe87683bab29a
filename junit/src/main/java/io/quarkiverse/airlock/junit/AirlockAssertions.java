package io.quarkiverse.airlock.junit;

import java.util.List;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;

/**
 * Entry points for the assertions on intents that AssertJ's own {@code assertThat} does not reach. A
 * {@link CapturedIntents} needs none: it is an AssertJ {@code AssertProvider}.
 */
public final class AirlockAssertions {

    private AirlockAssertions() {
    }

    /** Assertions on one intent. */
    public static IntentAssert assertThatIntent(Intent intent) {
        return new IntentAssert(intent);
    }

    /** Assertions on a list of intents: what {@code flush()} returned, a listener recorded... */
    public static IntentsAssert assertThatIntents(List<Intent> intents) {
        return new IntentsAssert(intents, "intents");
    }

    /** Assertions on the intents of a scope, such as the one {@code Airlock.scope(...)} returns. */
    public static IntentsAssert assertThatIntents(Scope scope) {
        return new IntentsAssert(scope.intents(), "intents of " + scope);
    }
}
