package org.chatalot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Writes results: one JSON file per run under bench/results, and each suite's table into its own marked
 * section of docs/performance.md ({@code <!-- bench:NAME -->} … {@code <!-- /bench:NAME -->}), leaving the
 * rest of the page as written.
 */
final class Report {
    private final Path repo;

    Report(Path repo) {
        this.repo = repo;
    }

    /** Where and when: the numbers mean little without it. */
    static String machine() {
        String cpu = "unknown CPU";
        long memKb = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException e) {
            // not Linux: report what the JVM knows
        }
        String load = "n/a";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            // not Linux
        }
        return Instant.now().truncatedTo(ChronoUnit.SECONDS) + " · " + cpu + " · "
                + Runtime.getRuntime().availableProcessors() + " cores · " + memKb / 1024 / 1024 + " GiB RAM · Java "
                + Runtime.version() + " · " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " · load average " + load;
    }

    void json(String suite, Object results) throws IOException {
        Path dir = repo.resolve("bench/results");
        Files.createDirectories(dir);
        Path file = dir.resolve(suite + ".json");
        Api.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(),
                Map.of("suite", suite, "machine", machine(), "results", results));
        System.out.println("wrote " + repo.relativize(file));
    }

    void section(String name, String markdown) throws IOException {
        Path doc = repo.resolve("docs/performance.md");
        String text = Files.exists(doc) ? Files.readString(doc) : "# Performance\n";
        String open = "<!-- bench:" + name + " -->";
        String close = "<!-- /bench:" + name + " -->";
        String block = open + "\n" + markdown.strip() + "\n" + close;
        int from = text.indexOf(open);
        int to = text.indexOf(close);
        text = from >= 0 && to > from ? text.substring(0, from) + block + text.substring(to + close.length())
                : text.stripTrailing() + "\n\n" + block + "\n";
        Files.writeString(doc, text);
        System.out.println("updated docs/performance.md section " + name);
    }
}
