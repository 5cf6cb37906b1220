package org.chatalot.installer.cli;

import java.io.Console;
import java.util.Locale;

/** Asks before changing the machine, unless --yes or --dry-run; refuses when nobody can answer. */
final class Confirm {

    private Confirm() {
    }

    static void before(RunOptions run, String what) {
        if (run.dryRun || run.yes) {
            return;
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("not a terminal: pass --yes to " + what
                    + ", or --dry-run to see the plan");
        }
        String answer = console.readLine("%s? [y/N] ", what);
        if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
            throw new IllegalArgumentException("cancelled: nothing was changed");
        }
    }
}
