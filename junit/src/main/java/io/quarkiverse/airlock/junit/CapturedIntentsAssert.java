package io.quarkiverse.airlock.junit;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.assertj.core.api.AbstractAssert;

import io.quarkiverse.airlock.Intent;

/**
 * Assertions on the side effects of an {@link AirlockTest} test. The list assertions apply to the intents of the
 * test's scope; {@link #dispatched()}, {@link #dropped()} and {@link #discarded()} switch to what happened anywhere
 * in the application.
 *
 * <pre>
 * assertThat(captured).hasTaskNames("notifyWarehouse", "sendConfirmationEmail");
 * assertThat(captured).intent(0).hasArgs(42L);
 * assertThat(captured).dispatchedNothing();
 * </pre>
 */
public class CapturedIntentsAssert extends AbstractAssert<CapturedIntentsAssert, CapturedIntents> {

    public CapturedIntentsAssert(CapturedIntents actual) {
        super(actual, CapturedIntentsAssert.class);
    }

    /** See {@link IntentsAssert#hasTaskNames(String...)}. */
    public CapturedIntentsAssert hasTaskNames(String... expected) {
        return onIntents(intents -> intents.hasTaskNames(expected));
    }

    /** See {@link IntentsAssert#containsTasks(String...)}. */
    public CapturedIntentsAssert containsTasks(String... expected) {
        return onIntents(intents -> intents.containsTasks(expected));
    }

    /** See {@link IntentsAssert#doesNotContainTasks(String...)}. */
    public CapturedIntentsAssert doesNotContainTasks(String... unexpected) {
        return onIntents(intents -> intents.doesNotContainTasks(unexpected));
    }

    /** See {@link IntentsAssert#hasIntents(String...)}. */
    public CapturedIntentsAssert hasIntents(String... expected) {
        return onIntents(intents -> intents.hasIntents(expected));
    }

    /** Nothing was enqueued in the test's scope. */
    public CapturedIntentsAssert hasNoIntents() {
        return onIntents(IntentsAssert::isEmpty);
    }

    /** See {@link IntentsAssert#hasSize(int)}. */
    public CapturedIntentsAssert hasSize(int expected) {
        return onIntents(intents -> intents.hasSize(expected));
    }

    /** Assertions on the {@code index}-th intent of the test's scope, 0 being the first. */
    public IntentAssert intent(int index) {
        return intents().intent(index);
    }

    /** Assertions on the first intent of the test's scope named {@code task}. */
    public IntentAssert intent(String task) {
        return intents().intent(task);
    }

    /** No intent was handed to an executor anywhere in the application since the test began. */
    public CapturedIntentsAssert dispatchedNothing() {
        dispatched().isEmpty();
        return this;
    }

    /** Runs {@code assertion} on the intents of the test's scope; this, for chaining. */
    private CapturedIntentsAssert onIntents(Consumer<IntentsAssert> assertion) {
        assertion.accept(intents());
        return this;
    }

    /** Assertions on the intents of the test's scope. */
    public IntentsAssert intents() {
        return assertOn(CapturedIntents::intents, "intents of the test scope");
    }

    /** Assertions on what was handed to an executor anywhere in the application since the test began. */
    public IntentsAssert dispatched() {
        return assertOn(CapturedIntents::dispatched, "dispatched intents");
    }

    /** Assertions on what a policy dropped, in any scope, since the test began. */
    public IntentsAssert dropped() {
        return assertOn(CapturedIntents::dropped, "dropped intents");
    }

    /** Assertions on what was discarded with a scope or a rolled-back transaction since the test began. */
    public IntentsAssert discarded() {
        return assertOn(CapturedIntents::discarded, "discarded intents");
    }

    /** Assertions on one of the lists of {@code actual}, which failure messages call {@code what}. */
    private IntentsAssert assertOn(Function<CapturedIntents, List<Intent>> list, String what) {
        isNotNull();
        return new IntentsAssert(list.apply(actual), what);
    }
}
