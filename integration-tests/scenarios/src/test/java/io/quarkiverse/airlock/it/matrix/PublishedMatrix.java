package io.quarkiverse.airlock.it.matrix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One column of the composition matrix the transactions page publishes, read from the generated include: the
 * deployment module's suites check every cell of it and generate it, and this application checks the column it can
 * run with {@code @RunOnVirtualThread} itself.
 */
final class PublishedMatrix {

    static final Path INCLUDE = Path.of("..", "..", "docs", "modules", "ROOT", "pages", "includes",
            "composition-matrix.adoc");

    private PublishedMatrix() {
    }

    /** The outcome of each row in {@code column}, by the row's key ({@code SCOPE_KIND/TRANSACTION_ENDING}). */
    static Map<String, String> column(String column) {
        List<String> lines;
        try {
            lines = Files.readAllLines(INCLUDE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the composition matrix " + INCLUDE.toAbsolutePath(), e);
        }
        String header = lines.stream().filter(line -> line.startsWith("|Scope ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No header row in " + INCLUDE));
        int index = cells(header).indexOf(column);
        if (index < 0) {
            throw new IllegalStateException("No column '" + column + "' in " + INCLUDE + ": " + header);
        }
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String key = lines.get(i).startsWith("// ") ? lines.get(i).substring(3).trim() : "";
            if (key.matches("[A-Z_]+/[A-Z_]+")) {
                // the key, the scope and transaction labels, then the outcomes from the third column on
                outcomes.put(key, cells(lines.get(i + 3)).get(index - 2));
            }
        }
        return outcomes;
    }

    private static List<String> cells(String row) {
        return Arrays.stream(row.substring(1).split(" \\|")).map(String::trim).toList();
    }

    /** The effects a cell with this published outcome lets run, by suffix. */
    static List<String> expectedRuns(String outcome) {
        switch (outcome) {
            case "runs":
            case "after commit":
                return List.of("main");
            case "outer only":
                return List.of("outer");
            case "never":
                return List.of();
            default:
                throw new IllegalStateException("No rule here for the published outcome '" + outcome
                        + "': teach " + PublishedMatrix.class.getSimpleName() + " what it means");
        }
    }
}
