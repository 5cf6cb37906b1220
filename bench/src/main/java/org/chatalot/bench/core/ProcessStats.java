package org.chatalot.bench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * CPU time of the JIT compiler threads of a JVM in the tree (their names start with "C1 Compiler" or "C2
     * Compiler"), in nanoseconds; 0 for a server that is not a JVM. A JVM compiles for minutes at low rates,
     * so this part of its CPU is the cost of being young, not of the work.
     */
    public static long compilerCpuNanos(ProcessHandle root) {
        return tree(root).flatMap(ProcessStats::threads).filter(task -> {
            return isJitCompiler(read(task.resolve("comm")).strip());
        }).mapToLong(task -> {
            String stat = read(task.resolve("stat"));
            return stat.isEmpty() ? 0 : cpuNanosFromStat(stat);
        }).sum();
    }

    /** Whether a thread of that name is one of a JVM's JIT compiler threads. */
    static boolean isJitCompiler(String threadName) {
        return threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler");
    }

    private static Stream<Path> threads(ProcessHandle process) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            return tasks.toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Waits, second by second and at most {@code max}, until {@code root} used less than {@code share} of a core
     * over a second; returns its CPU time (ns) when it was found quiet, or when the wait ended.
     */
    public static long awaitQuiet(ProcessHandle root, double share, Duration max) throws InterruptedException {
        long start = System.nanoTime();
        long last = cpuNanos(root);
        while (System.nanoTime() - start < max.toNanos()) {
            Thread.sleep(1000);
            long now = cpuNanos(root);
            boolean quiet = now - last < share * 1e9;
            last = now;
            if (quiet) {
                break;
            }
        }
        return last;
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
