package org.chatalot.installer.cli;

import java.util.Arrays;
import java.util.List;

import org.chatalot.installer.exec.Command;

/**
 * Commands built from options: a reload command given as one string is split on spaces into argv (no
 * shell involved); the exec Command is named here once because picocli's annotation has the same name.
 */
final class Commands {

    private Commands() {
    }

    static Command argv(String... words) {
        return Command.of(words);
    }

    static Command split(String commandLine) {
        List<String> words = Arrays.stream(commandLine.strip().split("\\s+")).toList();
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw new IllegalArgumentException("reload-command: must not be empty");
        }
        return Command.of(words);
    }
}
