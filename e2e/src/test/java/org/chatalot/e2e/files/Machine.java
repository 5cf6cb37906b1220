package org.chatalot.e2e.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What a benchmark ran on, for the record next to its figures. */
final class Machine {
    private static final int CLOCK_TICKS = 100;

    private Machine() {
    }

    static String describe() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        long memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0) / 1024 / 1024;
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + " GiB RAM, "
                + firstLine("uname", "-sr");
    }

    /** User plus system CPU time the process has used so far, from /proc (Linux clock ticks are 1/100 s). */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ", utime and stime are the 12th and 13th fields
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
    }

    static String javaVersion() {
        return "JDK " + System.getProperty("java.version");
    }

    static String nginxVersion() throws IOException {
        return firstLine("nginx", "-v").replace("nginx version: nginx/", "");
    }

    static String curlVersion() throws IOException {
        String line = firstLine("curl", "--version");
        return line.substring(0, line.indexOf(' ', line.indexOf(' ') + 1));
    }

    private static String firstLine(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return output.lines().findFirst().orElse("").trim();
    }
}
