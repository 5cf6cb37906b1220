package org.chatalot.admin.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.model.health.HealthFinding;

/** The per-profile history file: private, kept across a restart, bounded, and tolerant of a damaged line. */
class HistoryStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path dir;

    private HistoryStore store(Instant now) {
        return new HistoryStore(HistoryStore.fileFor(dir.resolve("history"), "Production / EU"),
                java.time.Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Sample ok(Instant at) {
        return Sample.healthy(at, true, 12.5, new Sample.Certificate(40L, "ok"), List.of());
    }

    @Test
    void aSampleWrittenBeforeARestartIsReadAfterItFromAPrivateFile() throws Exception {
        HistoryStore first = store(NOW);
        first.append(ok(NOW.minusSeconds(600)));
        first.append(Sample.unreachable(NOW, "Connection refused: nothing listens"));

        HistoryStore restarted = store(NOW.plusSeconds(60));
        assertThat(restarted.load()).extracting(Sample::health).containsExactly("ok", "unreachable");
        assertThat(restarted.last(Sample.Kind.HEALTH)).get().extracting(Sample::problem)
                .isEqualTo("Connection refused: nothing listens");
        Path file = restarted.file();
        assertThat(file.getFileName().toString()).matches("Production___EU-[0-9a-f]{10}\\.jsonl");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void oldSamplesGoQuietOldOnesAreThinnedAndTroubleIsKept() throws Exception {
        HistoryStore store = store(NOW);
        store.append(ok(NOW.minus(Duration.ofDays(31))));
        Instant twoDaysAgo = NOW.minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (int minute = 0; minute < 60; minute += 5) {
            store.append(ok(twoDaysAgo.plus(Duration.ofMinutes(minute))));
        }
        store.append(Sample.healthy(twoDaysAgo.plusSeconds(90), true, 30, Sample.Certificate.UNKNOWN,
                List.of(new HealthFinding("backups.scheduled", "fail", "Scheduled backup failed", "e", "f"))));
        for (int minute = 0; minute < 60; minute += 5) {
            store.append(ok(NOW.minus(Duration.ofMinutes(minute))));
        }

        List<Sample> kept = store(NOW).load();
        assertThat(kept).noneMatch(sample -> sample.at().isBefore(NOW.minus(HistoryStore.KEEP)));
        assertThat(kept).filteredOn(sample -> sample.at().isBefore(NOW.minus(Duration.ofDays(1))))
                .as("an hour two days ago: one quiet sample per 15 minutes, and the one with a finding")
                .hasSize(5);
        assertThat(kept).filteredOn(sample -> sample.at().isAfter(NOW.minus(Duration.ofDays(1))))
                .as("the last day in full").hasSize(12);
    }

    @Test
    void theFileNeverHoldsMoreThanItsLimit() throws Exception {
        HistoryStore store = store(NOW);
        for (int i = HistoryStore.MAX_LINES + 50; i > 0; i--) {
            store.append(Sample.unreachable(NOW.minusSeconds(i), "down " + i));
        }
        List<String> lines = Files.readAllLines(store.file());
        assertThat(lines.size()).isLessThanOrEqualTo(HistoryStore.MAX_LINES + 100);
        assertThat(store(NOW).load()).hasSize(HistoryStore.MAX_LINES).last().extracting(Sample::problem)
                .isEqualTo("down 1");
        assertThat(Files.size(store.file())).as("a small file").isLessThan(1 << 20);
    }

    @Test
    void aLineCutShortByACrashIsSkipped() throws Exception {
        HistoryStore store = store(NOW);
        store.append(ok(NOW.minusSeconds(60)));
        Files.writeString(store.file(), "{\"at\":\"2026-12-01T11:59:30Z\",\"kind\":\"hea", java.nio.file
                .StandardOpenOption.APPEND);
        HistoryStore restarted = store(NOW);
        assertThat(restarted.load()).hasSize(1);
        restarted.append(ok(NOW));
        assertThat(store(NOW).load()).hasSize(2);
    }
}
