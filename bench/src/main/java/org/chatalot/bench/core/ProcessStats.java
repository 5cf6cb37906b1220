package org.chatalot.bench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU and memory of a server, read from /proc. A server is a process tree (ejabberd's BEAM runs beside
 * helper processes, a launcher may fork), so CPU is summed over the root and its descendants.
 */
public final class ProcessStats {
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private ProcessStats() {
    }

    /** User plus system CPU time of the process and its live descendants, in nanoseconds. */
    public static long cpuNanos(ProcessHandle root) {
        return tree(root).mapToLong(ProcessStats::ownCpuNanos).sum();
    }

    /** Resident set size of the whole tree, in bytes. */
    public static long rssBytes(ProcessHandle root) {
        return tree(root).mapToLong(p -> statusKb(p, "VmRSS:") * 1024).sum();
    }

    /** Peak resident set size since the last {@link #resetPeak}, of the root process only, in bytes. */
    public static long peakRssBytes(ProcessHandle root) {
        return statusKb(root, "VmHWM:") * 1024;
    }

    /** Starts a new peak-RSS window (Linux: writing 5 to clear_refs resets VmHWM to the current RSS). */
    public static boolean resetPeak(ProcessHandle root) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(root.pid()), "clear_refs"), "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Stream<ProcessHandle> tree(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants());
    }

    /** User plus system CPU time of this one process (all its threads, none of its children), in nanoseconds. */
    public static long ownCpuNanos(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return cpuNanosFromStat(stat);
        } catch (IOException e) {
            return 0;
        }
    }

    /** utime + stime from a /proc/PID/stat line (fields 14 and 15, counted after the command's parenthesis). */
    static long cpuNanosFromStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
    }

    private static long statusKb(ProcessHandle process, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"));
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
