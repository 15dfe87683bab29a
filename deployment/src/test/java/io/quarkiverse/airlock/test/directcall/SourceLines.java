package io.quarkiverse.airlock.test.directcall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The line of a test source file that contains a marker, so assertions on reported lines survive edits. */
final class SourceLines {

    private SourceLines() {
    }

    static int lineOf(Class<?> type, String marker) {
        Path source = Path.of("src/test/java", type.getName().replace('.', '/') + ".java");
        try {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(marker)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no line containing '" + marker + "' in " + source);
    }
}
