package io.quarkiverse.airlock.junit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.assertj.core.api.AbstractAssert;

import io.quarkiverse.airlock.Intent;

/**
 * Assertions on a list of intents (a scope's, or what was dispatched, dropped or discarded) that read like the
 * sentence a reviewer would write, and fail with the intents rendered as {@code name(arg1, arg2)}.
 */
public class IntentsAssert extends AbstractAssert<IntentsAssert, List<Intent>> {

    private final String what;

    /**
     * @param what how failure messages name the list: "intents of the test scope", "dispatched intents"...
     */
    public IntentsAssert(List<Intent> actual, String what) {
        super(actual, IntentsAssert.class);
        this.what = what;
    }

    /** The task names, in this order and nothing else. */
    public IntentsAssert hasTaskNames(String... expected) {
        isNotNull();
        List<String> names = names(actual);
        if (!names.equals(Arrays.asList(expected))) {
            failWithActualExpectedAndMessage(names, Arrays.asList(expected),
                    "Expected the %s to be the tasks %s in this order, but they are %s: %s", what,
                    Arrays.asList(expected), names, actual);
        }
        return this;
    }

    /** At least these task names, in any order (a task expected twice must be there twice). */
    public IntentsAssert containsTasks(String... expected) {
        isNotNull();
        List<String> remaining = names(actual);
        List<String> missing = new ArrayList<>();
        for (String name : expected) {
            if (!remaining.remove(name)) {
                missing.add(name);
            }
        }
        return failIfAny(missing, "Expected the %s to contain the tasks %s, but %s missing: %s", expected);
    }

    /** None of these task names. */
    public IntentsAssert doesNotContainTasks(String... unexpected) {
        isNotNull();
        List<String> found = names(actual);
        found.retainAll(Arrays.asList(unexpected));
        return failIfAny(found, "Expected the %s not to contain the tasks %s, but found %s: %s", unexpected);
    }

    /** Fails with {@code message} (this list's name, the tasks asked about, the offending ones, the intents) if any. */
    private IntentsAssert failIfAny(List<String> offending, String message, String[] tasks) {
        if (!offending.isEmpty()) {
            failWithMessage(message, what, Arrays.asList(tasks), offending, actual);
        }
        return this;
    }

    /**
     * The intents rendered with {@link Intent#toString()}, in this order and nothing else:
     * {@code hasIntents("notifyWarehouse(42)", "sendEmail(\"ada\")")}.
     */
    public IntentsAssert hasIntents(String... expected) {
        isNotNull();
        List<String> rendered = each(actual, Intent::toString);
        if (!rendered.equals(Arrays.asList(expected))) {
            failWithActualExpectedAndMessage(rendered, Arrays.asList(expected),
                    "Expected the %s to be %s in this order, but they are %s", what, Arrays.asList(expected),
                    rendered);
        }
        return this;
    }

    /** No intent at all. */
    public IntentsAssert isEmpty() {
        isNotNull();
        if (!actual.isEmpty()) {
            failWithMessage("Expected no %s, but there are %d: %s", what, actual.size(), actual);
        }
        return this;
    }

    /** Exactly this many intents. */
    public IntentsAssert hasSize(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            failWithActualExpectedAndMessage(actual.size(), expected, "Expected %d %s, but there are %d: %s",
                    expected, what, actual.size(), actual);
        }
        return this;
    }

    /** Assertions on the {@code index}-th intent, 0 being the first. */
    public IntentAssert intent(int index) {
        isNotNull();
        if (index < 0 || index >= actual.size()) {
            failWithMessage("Expected an intent #%d among the %s, but there are %d: %s", index, what, actual.size(),
                    actual);
        }
        return new IntentAssert(actual.get(index)).as("%s #%d", what, index);
    }

    /** Assertions on the first intent named {@code task}. */
    public IntentAssert intent(String task) {
        isNotNull();
        for (int i = 0; i < actual.size(); i++) {
            if (actual.get(i).name().equals(task)) {
                return new IntentAssert(actual.get(i)).as("%s #%d (%s)", what, i, task);
            }
        }
        failWithMessage("Expected a '%s' intent among the %s, but there are only %s", task, what, actual);
        return null; // not reached
    }

    /** The task names, in a list of their own that the caller may change. */
    static List<String> names(List<Intent> intents) {
        return each(intents, Intent::name);
    }

    private static List<String> each(List<Intent> intents, Function<Intent, String> render) {
        List<String> rendered = new ArrayList<>(intents.size());
        for (Intent intent : intents) {
            rendered.add(render.apply(intent));
        }
        return rendered;
    }
}
