package org.chatalot.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.server.config.ConfigLoader;
import org.chatalot.server.settings.InstanceSettingsRepository;
import org.chatalot.testing.JavaProcess;

/**
 * A write the server has acknowledged must survive {@code kill -9}. H2 by default commits to its file in
 * the background (about the last second is lost); the server's default URL uses WRITE_DELAY=0.
 */
class DurabilityIT {
    private static final int ACKS_BEFORE_KILL = 1500;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        Path dataDir = dir.resolve("data");
        List<String> acknowledged;
        try (JavaProcess writer = JavaProcess.start(DurabilityWriter.class.getName(), List.of("-Xmx128m"), Map.of(),
                List.of(dataDir.toString()), dir)) {
            writer.awaitLine(line -> line.equals("ACK " + ACKS_BEFORE_KILL), Duration.ofSeconds(120));
            writer.killHard();
            acknowledged = writer.lines().stream().filter(line -> line.startsWith("ACK ")).toList();
        }
        int lastAcknowledged = Integer.parseInt(acknowledged.getLast().substring(4));

        var storage = ConfigLoader.load(Map.of("DATA_DIR", dataDir.toString())).config().storage();
        try (Database database = Database.open(storage)) {
            var settings = new InstanceSettingsRepository(database.sql(), Clock.systemUTC());
            for (int i = 0; i <= lastAcknowledged; i++) {
                assertThat(settings.get("durability." + i)).as("acknowledged write %d of %d", i, lastAcknowledged)
                        .contains(Integer.toString(i));
            }
        }
        assertThat(lastAcknowledged).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
    }
}
