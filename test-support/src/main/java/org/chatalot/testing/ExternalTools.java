package org.chatalot.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds system programs for end-to-end tests. When one is missing a test is skipped on a developer's
 * machine but fails under {@code CI=true}, so CI can never pass by silently skipping the real thing.
 */
public final class ExternalTools {

    private ExternalTools() {
    }

    /** The program's path; skips (or fails on CI) when it is not installed. */
    public static Path require(String program) {
        TestPhase.requireIntegration(program);
        Optional<Path> found = find(program);
        if (found.isEmpty()) {
            String message = program + " is not installed (./run-tests installs it on Debian as root)";
            if (isCi()) {
                Assertions.fail(message + "; CI must provide it");
            }
            Assumptions.abort(message);
        }
        return found.get();
    }

    public static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
