package io.quarkiverse.airlock.spi;

import java.time.Duration;

import io.quarkiverse.airlock.Intent;

/**
 * The dispatch options Airlock's own executors understand.
 */
public final class DispatchOptions {

    /** Option key: wait this long before running the intent; a {@link Duration} or a number of milliseconds. */
    public static final String DELAY = "delay";

    private DispatchOptions() {
    }

    /** The delay in milliseconds, 0 when none. The value was checked when the intent was built. */
    public static long delayMillis(Intent intent) {
        Object delay = intent.options().get(DELAY);
        if (delay == null) {
            return 0;
        }
        return delay instanceof Duration ? ((Duration) delay).toMillis() : ((Number) delay).longValue();
    }
}
