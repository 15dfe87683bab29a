package io.quarkiverse.airlock;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.airlock.spi.DispatchOptions;

final class DefaultIntentBuilder implements IntentBuilder {

    private final String task;
    private List<Object> args = List.of();
    private Map<String, Object> options;
    private String origin;
    private String orderingKey;

    DefaultIntentBuilder(String task) {
        this.task = task;
    }

    @Override
    public IntentBuilder args(Object... args) {
        this.args = ImmutableArgs.copyOf(Airlock.requireArgs(task, args));
        return this;
    }

    @Override
    public IntentBuilder option(String key, Object value) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Intent '" + task + "': option key must not be null or blank");
        }
        if (value == null) {
            throw new IllegalArgumentException("Intent '" + task + "': option '" + key + "' must not have a null value");
        }
        if (key.equals(DispatchOptions.DELAY)) {
            requireDelay(value);
        }
        if (options == null) {
            options = new LinkedHashMap<>();
        }
        options.put(key, value);
        return this;
    }

    private void requireDelay(Object value) {
        boolean valid = value instanceof Duration ? !((Duration) value).isNegative()
                : (value instanceof Long || value instanceof Integer) && ((Number) value).longValue() >= 0;
        if (!valid) {
            throw new IllegalArgumentException("Intent '" + task + "': option 'delay' must be a non-negative "
                    + "java.time.Duration or a number of milliseconds (int or long), got " + value + " ("
                    + value.getClass().getName() + ")");
        }
    }

    @Override
    public IntentBuilder origin(String origin) {
        this.origin = origin;
        return this;
    }

    @Override
    public IntentBuilder orderingKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Intent '" + task + "': the ordering key must not be null or blank;"
                    + " leave orderingKey(...) out for an intent that waits for no other");
        }
        if (key.length() > Intent.MAX_ORDERING_KEY_LENGTH) {
            throw new IllegalArgumentException("Intent '" + task + "': the ordering key is " + key.length()
                    + " characters long, more than the " + Intent.MAX_ORDERING_KEY_LENGTH + " the outbox stores: use a"
                    + " shorter key (an id, or a hash of a longer one)");
        }
        this.orderingKey = key;
        return this;
    }

    @Override
    public Intent enqueue() {
        Map<String, Object> frozen = options == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        return Airlock.enqueue(task, args, frozen, origin, null, orderingKey);
    }
}
