package org.chatalot.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered text with a reviewed copy in {@code src/test/resources/golden/}. Run with
 * {@code -Dgolden.update=true} to rewrite the copies after an intended change, then read the diff.
 */
public final class Golden {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                assertThat(Boolean.getBoolean("golden.update"))
                        .as("golden file %s was missing and has been written; review and commit it", file)
                        .isTrue();
            }
            assertThat(actual).as("rendered %s differs from %s", name, file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
