package org.chatalot.bench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of one process's threads, by kind, read from /proc/PID/task: where a workload's CPU went (the
 * hashing threads, the virtual threads' carriers, the JIT compilers, the collector's VM thread, the rest), and
 * how long each kind waited for a core once it was ready to run (the scheduler's run-queue delay, from
 * {@code schedstat}). A snapshot is taken before and after a phase; {@link #since} gives each kind's share.
 */
public final class ThreadCpu {
    private final Map<Long, Task> tasks;

    private ThreadCpu(Map<Long, Task> tasks) {
        this.tasks = tasks;
    }

    private record Task(String name, long cpuNanos, long waitNanos, long runs) {
    }

    /** What one kind of thread used in a phase: CPU, time ready but waiting for a core, and times it ran. */
    public record Usage(long cpuNanos, long waitNanos, long runs) {
        Usage plus(Usage other) {
            return new Usage(cpuNanos + other.cpuNanos, waitNanos + other.waitNanos, runs + other.runs);
        }

        /** The mean wait for a core each time a thread of this kind was made ready to run, in ms. */
        public double waitPerRunMillis() {
            return runs == 0 ? 0 : waitNanos / 1e6 / runs;
        }
    }

    /** The CPU time each thread of the process has used so far. */
    public static ThreadCpu snapshot(ProcessHandle process) {
        Map<Long, Task> tasks = new HashMap<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path dir : dirs.toList()) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String name = Files.readString(dir.resolve("comm")).strip();
                    String[] sched = schedstat(dir);
                    tasks.put(Long.parseLong(dir.getFileName().toString()), new Task(name,
                            ProcessStats.cpuNanosFromStat(stat), Long.parseLong(sched[1]), Long.parseLong(sched[2])));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException e) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(tasks);
    }

    /** On-CPU ns, run-queue wait ns, times run; zeros where the kernel keeps no scheduler statistics. */
    private static String[] schedstat(Path thread) {
        try {
            String[] fields = Files.readString(thread.resolve("schedstat")).strip().split(" ");
            return fields.length >= 3 ? fields : new String[] {"0", "0", "0"};
        } catch (IOException e) {
            return new String[] {"0", "0", "0"};
        }
    }

    /**
     * What each kind of thread used between {@code before} and this snapshot, most CPU first. Threads born
     * during the phase count from zero; threads that ended during it are lost (their CPU is still in the
     * process's total).
     */
    public Map<String, Usage> since(ThreadCpu before) {
        Map<String, Usage> byKind = new TreeMap<>();
        tasks.forEach((tid, task) -> {
            Task earlier = before.tasks.getOrDefault(tid, new Task(task.name(), 0, 0, 0));
            Usage used = new Usage(task.cpuNanos() - earlier.cpuNanos(), task.waitNanos() - earlier.waitNanos(),
                    task.runs() - earlier.runs());
            if (used.runs() > 0 || used.cpuNanos() > 0) {
                byKind.merge(kind(task.name()), used, Usage::plus);
            }
        });
        return byKind.entrySet().stream()
                .sorted(Map.Entry.<String, Usage>comparingByValue(
                        (a, b) -> Long.compare(b.cpuNanos(), a.cpuNanos())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * A thread's kind from its name (at most 15 characters in /proc): the JVM's and ours; any other thread by
     * its name without the number that tells a pool's threads apart.
     */
    static String kind(String name) {
        if (name.startsWith("argon2-")) {
            return "argon2";
        }
        if (name.startsWith("ForkJoinPool")) {
            return "carriers";
        }
        if (ProcessStats.isJitCompiler(name)) {
            return "JIT compiler";
        }
        if (name.equals("VM Thread") || name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "VM thread and collector";
        }
        return name.replaceAll("[-#]?\\d+$", "");
    }
}
