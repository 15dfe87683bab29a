package it.outbox.peer;

import java.util.Arrays;
import java.util.List;

/** What the benchmark reports of repeated runs. */
final class Runs {

    private Runs() {
    }

    static long median(double[] values) {
        return Math.round(middle(values));
    }

    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static List<Long> rounded(double[] values) {
        return Arrays.stream(values).mapToObj(Math::round).toList();
    }

    static List<Double> rounded2(double[] values) {
        return Arrays.stream(values).mapToObj(Runs::round2).toList();
    }

    /** The median, unrounded. */
    static double middle(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int half = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }
}
