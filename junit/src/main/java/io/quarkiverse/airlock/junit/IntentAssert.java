package io.quarkiverse.airlock.junit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;

import io.quarkiverse.airlock.Intent;

/**
 * Assertions on one intent: its task name, arguments, dispatch options and origin.
 */
public class IntentAssert extends AbstractAssert<IntentAssert, Intent> {

    public IntentAssert(Intent actual) {
        super(actual, IntentAssert.class);
    }

    public IntentAssert hasName(String expected) {
        isNotNull();
        if (!actual.name().equals(expected)) {
            failWithActualExpectedAndMessage(actual.name(), expected, "Expected the task '%s', but %s is '%s'",
                    expected, actual, actual.name());
        }
        return this;
    }

    /** Exactly these arguments, in this order ({@code equals}; boxed numbers must match in type: 42L is not 42). */
    public IntentAssert hasArgs(Object... expected) {
        isNotNull();
        if (!actual.args().equals(Arrays.asList(expected))) {
            // with the types: [1 (Integer)] against [1 (Long)] is the usual mistake, and [1] against [1] hides it
            failWithActualExpectedAndMessage(actual.args(), Arrays.asList(expected),
                    "Expected %s to have the arguments %s, but they are %s", actual, describeAll(Arrays.asList(expected)),
                    describeAll(actual.args()));
        }
        return this;
    }

    /** The argument at {@code index} (0 = the first) equals {@code expected}. */
    public IntentAssert hasArg(int index, Object expected) {
        isNotNull();
        if (index < 0 || index >= actual.args().size()) {
            failWithMessage("Expected %s to have an argument #%d, but it has %d", actual, index, actual.args().size());
        }
        Object arg = actual.args().get(index);
        if (!Objects.equals(arg, expected)) {
            failWithActualExpectedAndMessage(arg, expected, "Expected argument #%d of %s to be %s, but it is %s",
                    index, actual, describe(expected), describe(arg));
        }
        return this;
    }

    public IntentAssert hasNoArgs() {
        isNotNull();
        if (!actual.args().isEmpty()) {
            failWithMessage("Expected %s to have no arguments", actual);
        }
        return this;
    }

    /** The dispatch option {@code key} is set to {@code expected}. */
    public IntentAssert hasOption(String key, Object expected) {
        isNotNull();
        if (!actual.options().containsKey(key) || !Objects.equals(actual.options().get(key), expected)) {
            failWithMessage("Expected %s to have the option %s=%s, but its options are %s", actual, key,
                    describe(expected), actual.options().isEmpty() ? "{}"
                            : actual.options().entrySet().stream()
                                    .map(option -> option.getKey() + "=" + describe(option.getValue()))
                                    .collect(Collectors.joining(", ", "{", "}")));
        }
        return this;
    }

    public IntentAssert hasOrigin(String expected) {
        isNotNull();
        if (!actual.origin().equals(java.util.Optional.of(expected))) {
            failWithActualExpectedAndMessage(actual.origin().orElse(null), expected,
                    "Expected %s to come from '%s', but its origin is %s", actual, expected,
                    actual.origin().map(origin -> "'" + origin + "'").orElse("not set"));
        }
        return this;
    }

    private static String describeAll(List<?> values) {
        return values.stream().map(IntentAssert::describe).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describe(Object value) {
        return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
    }
}
