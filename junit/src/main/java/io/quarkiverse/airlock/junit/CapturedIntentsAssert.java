package io.quarkiverse.airlock.junit;

import org.assertj.core.api.AbstractAssert;

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
        intents().hasTaskNames(expected);
        return this;
    }

    /** See {@link IntentsAssert#containsTasks(String...)}. */
    public CapturedIntentsAssert containsTasks(String... expected) {
        intents().containsTasks(expected);
        return this;
    }

    /** See {@link IntentsAssert#doesNotContainTasks(String...)}. */
    public CapturedIntentsAssert doesNotContainTasks(String... unexpected) {
        intents().doesNotContainTasks(unexpected);
        return this;
    }

    /** See {@link IntentsAssert#hasIntents(String...)}. */
    public CapturedIntentsAssert hasIntents(String... expected) {
        intents().hasIntents(expected);
        return this;
    }

    /** Nothing was enqueued in the test's scope. */
    public CapturedIntentsAssert hasNoIntents() {
        intents().isEmpty();
        return this;
    }

    /** See {@link IntentsAssert#hasSize(int)}. */
    public CapturedIntentsAssert hasSize(int expected) {
        intents().hasSize(expected);
        return this;
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

    /** Assertions on the intents of the test's scope. */
    public IntentsAssert intents() {
        isNotNull();
        return new IntentsAssert(actual.intents(), "intents of the test scope");
    }

    /** Assertions on what was handed to an executor anywhere in the application since the test began. */
    public IntentsAssert dispatched() {
        isNotNull();
        return new IntentsAssert(actual.dispatched(), "dispatched intents");
    }

    /** Assertions on what a policy dropped, in any scope, since the test began. */
    public IntentsAssert dropped() {
        isNotNull();
        return new IntentsAssert(actual.dropped(), "dropped intents");
    }

    /** Assertions on what was discarded with a scope or a rolled-back transaction since the test began. */
    public IntentsAssert discarded() {
        isNotNull();
        return new IntentsAssert(actual.discarded(), "discarded intents");
    }
}
