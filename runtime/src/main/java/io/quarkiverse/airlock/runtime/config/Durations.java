package io.quarkiverse.airlock.runtime.config;

import java.time.Duration;

/**
 * Durations as people write them in {@code application.properties}: {@code 500ms}, {@code 5s}, {@code 1m30s},
 * {@code 2h}, {@code 1d12h}, rather than {@code PT0.5S}. For logs and error messages.
 */
public final class Durations {

    private Durations() {
    }

    public static String human(Duration duration) {
        if (duration.isNegative()) {
            return "-" + human(duration.negated());
        }
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDays(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        if (text.length() == 0) {
            // below a millisecond
            text.append(duration.toNanos() >= 1_000 ? duration.toNanos() / 1_000 + "us" : duration.toNanos() + "ns");
        }
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount != 0) {
            text.append(amount).append(unit);
        }
    }
}
