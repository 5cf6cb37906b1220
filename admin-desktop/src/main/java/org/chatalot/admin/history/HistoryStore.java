package org.chatalot.admin.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.chatalot.admin.api.JsonCodec;
import org.chatalot.admin.connection.PrivateFiles;

/**
 * One profile's history: a JSON line per sample in a file only the admin can read (600, in a 700 folder), so it
 * survives restarts. Bounded: samples older than {@link #KEEP} go; older than a day, background checks are thinned
 * to one per {@link #THIN_TO} unless something was wrong; and the file never holds more than {@link #MAX_LINES}.
 * A damaged line is skipped, not fatal. Thread-safe; its callers are the task runner's workers.
 */
public final class HistoryStore {
    public static final Duration KEEP = Duration.ofDays(30);
    static final Duration THIN_AFTER = Duration.ofDays(1);
    static final Duration THIN_TO = Duration.ofMinutes(15);
    static final int MAX_LINES = 6000;

    private final Path file;
    private final Clock clock;
    private final ObjectMapper json = new JsonCodec().mapper();
    private List<Sample> samples;
    private int appendedSinceCompaction;

    public HistoryStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The file of a profile: its name made safe for any file system, plus a hash so two names never collide. */
    public static Path fileFor(Path historyDirectory, String profileName) {
        String safe = profileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return historyDirectory.resolve((safe.length() > 40 ? safe.substring(0, 40) : safe) + "-"
                + sha256(profileName).substring(0, 10) + ".jsonl");
    }

    public Path file() {
        return file;
    }

    /** Everything kept, oldest first. */
    public synchronized List<Sample> load() throws IOException {
        if (samples == null) {
            samples = read();
            if (compact()) {
                rewrite();
            }
        }
        return List.copyOf(samples);
    }

    public synchronized void append(Sample sample) throws IOException {
        load();
        samples.add(sample);
        PrivateFiles.appendLine(file, line(sample));
        if (++appendedSinceCompaction >= 100 || samples.size() > MAX_LINES) {
            appendedSinceCompaction = 0;
            if (compact()) {
                rewrite();
            }
        }
    }

    /** The latest sample of one kind: what a new result is compared with, across restarts. */
    public synchronized Optional<Sample> last(Sample.Kind kind) throws IOException {
        List<Sample> all = load();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).kind() == kind) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** Forgets the profile's history (the profile was deleted). */
    public synchronized void delete() throws IOException {
        samples = new ArrayList<>();
        Files.deleteIfExists(file);
    }

    private List<Sample> read() throws IOException {
        List<Sample> read = new ArrayList<>();
        if (!Files.exists(file)) {
            return read;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                Sample sample = json.readValue(line, Sample.class);
                if (sample.at() != null && sample.kind() != null) {
                    read.add(sample);
                }
            } catch (JsonProcessingException e) {
                // a line cut short by a crash mid-write: the rest of the history is still good
            }
        }
        read.sort((a, b) -> a.at().compareTo(b.at()));
        return read;
    }

    /** Applies the bounds; true when something was dropped and the file should be rewritten. */
    private boolean compact() {
        Instant now = clock.instant();
        Instant oldest = now.minus(KEEP);
        Instant thinBefore = now.minus(THIN_AFTER);
        Set<Long> keptBuckets = new HashSet<>();
        List<Sample> kept = new ArrayList<>();
        for (Sample sample : samples) {
            if (sample.at().isBefore(oldest)) {
                continue;
            }
            boolean quiet = sample.kind() == Sample.Kind.HEALTH && Sample.OK.equals(sample.health())
                    && sample.findings().isEmpty();
            long bucket = sample.at().getEpochSecond() / THIN_TO.toSeconds();
            if (sample.at().isBefore(thinBefore) && quiet && !keptBuckets.add(bucket)) {
                continue;
            }
            kept.add(sample);
        }
        if (kept.size() > MAX_LINES) {
            kept = new ArrayList<>(kept.subList(kept.size() - MAX_LINES, kept.size()));
        }
        boolean changed = kept.size() != samples.size();
        samples = kept;
        return changed;
    }

    private void rewrite() throws IOException {
        StringBuilder out = new StringBuilder();
        for (Sample sample : samples) {
            out.append(line(sample)).append('\n');
        }
        PrivateFiles.write(file, out.toString());
    }

    private String line(Sample sample) throws JsonProcessingException {
        return json.writeValueAsString(sample);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JDK", e);
        }
    }
}
