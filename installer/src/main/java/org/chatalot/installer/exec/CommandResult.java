package org.chatalot.installer.exec;

/** How a command ended; a dry run reports success with no output. */
public record CommandResult(int exitCode, String output) {

    public boolean isSuccess() {
        return exitCode == 0;
    }
}
