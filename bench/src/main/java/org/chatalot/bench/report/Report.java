package org.chatalot.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.chatalot.bench.core.Machine;

/**
 * Writes results: one JSON file per suite under bench/results, and each suite's text into its own marked
 * section of docs/performance.md ({@code <!-- bench:NAME -->} … {@code <!-- /bench:NAME -->}), leaving the
 * rest of the page as written.
 */
public final class Report {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path repo;

    public Report(Path repo) {
        this.repo = repo;
    }

    public Path repo() {
        return repo;
    }

    public Path json(String suite, Object results) throws IOException {
        Path dir = repo.resolve("bench/results");
        Files.createDirectories(dir);
        Path file = dir.resolve(suite + ".json");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("suite", suite);
        document.put("machine", Machine.describe());
        document.put("results", results);
        JSON.writeValue(file.toFile(), document);
        System.out.println("wrote " + file);
        return file;
    }

    public void section(String name, String markdown) throws IOException {
        Path doc = repo.resolve("docs/performance.md");
        String text = Files.exists(doc) ? Files.readString(doc) : "# Performance\n";
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, replaceSection(text, name, markdown));
        System.out.println("updated docs/performance.md section " + name);
    }

    /** The text with section {@code name} replaced (or appended when it is not there yet). */
    static String replaceSection(String text, String name, String markdown) {
        String open = "<!-- bench:" + name + " -->";
        String close = "<!-- /bench:" + name + " -->";
        String block = open + "\n" + markdown.strip() + "\n" + close;
        int from = text.indexOf(open);
        int to = text.indexOf(close);
        return from >= 0 && to > from ? text.substring(0, from) + block + text.substring(to + close.length())
                : text.stripTrailing() + "\n\n" + block + "\n";
    }
}
