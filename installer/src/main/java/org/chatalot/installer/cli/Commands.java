package org.chatalot.installer.cli;

import java.util.Arrays;
import java.util.List;

import org.chatalot.installer.exec.Command;

/** Turns a reload command given as one option string into argv (split on spaces; no shell involved). */
final class Commands {

    private Commands() {
    }

    static Command split(String commandLine) {
        List<String> words = Arrays.stream(commandLine.strip().split("\\s+")).toList();
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw new IllegalArgumentException("reload-command: must not be empty");
        }
        return Command.of(words);
    }
}
