package org.chatalot.installer.exec;

/** How a command ended; a dry run reports success with no output. */
public record CommandResult(int exitCode, String output) {
    /** The exit code {@link SystemShell} gives a program it could not start (as a shell does). */
    public static final int NOT_FOUND = 127;

    public boolean isSuccess() {
        return exitCode == 0;
    }

    /** The program could not be started at all: not installed, or not where the command says. */
    public boolean isNotFound() {
        return exitCode == NOT_FOUND;
    }
}
