package org.chatalot.bench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Where and when a figure was measured: the numbers mean little without it. */
public final class Machine {
    private Machine() {
    }

    /** Date, CPU, cores, memory, Java, OS and the load average, on one line. */
    public static String describe() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS) + " · " + cpuModel() + " · " + cores() + " cores · "
                + memoryGib() + " GiB RAM · Java " + Runtime.version() + " · " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " · load average " + loadAverage();
    }

    /** The 1, 5 and 15 minute load averages, or "n/a" off Linux. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** The one-minute load average, or NaN off Linux. */
    public static double oneMinuteLoad() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Cores of the machine, not of this process: the load generator itself runs pinned to one. */
    public static int cores() {
        List<String> info = cpuInfo();
        long processors = info.stream().filter(l -> l.startsWith("processor")).count();
        return processors > 0 ? (int) processors : Runtime.getRuntime().availableProcessors();
    }

    private static String cpuModel() {
        return cpuInfo().stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
    }

    private static long memoryGib() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L) / 1024 / 1024;
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> cpuInfo() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
