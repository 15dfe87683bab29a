package it.outbox.bench;

import java.util.Arrays;

/** What a benchmark reports of its repeated runs. */
public final class Runs {

    private Runs() {
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
