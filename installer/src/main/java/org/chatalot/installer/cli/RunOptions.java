package org.chatalot.installer.cli;

import java.io.PrintWriter;
import java.time.Duration;

import picocli.CommandLine.Option;

import org.chatalot.installer.exec.DryRunShell;
import org.chatalot.installer.exec.Shell;
import org.chatalot.installer.exec.SystemShell;

/** {@code --dry-run} and {@code --yes}: how a command may touch the machine. */
final class RunOptions {
    @Option(names = "--dry-run", description = "Print every file and command instead of applying them.")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking (for scripts and CI).")
    boolean yes;

    Shell shell(PrintWriter out) {
        SystemShell system = new SystemShell(Duration.ofMinutes(5));
        return dryRun ? new DryRunShell(system, out) : system;
    }
}
