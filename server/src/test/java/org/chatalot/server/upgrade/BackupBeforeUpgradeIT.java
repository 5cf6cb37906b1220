package org.chatalot.server.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.chatalot.server.ChatServer;
import org.chatalot.server.cli.AdminCli;
import org.chatalot.server.config.ConfigLoader;
import org.chatalot.testing.FreePorts;
import org.chatalot.testing.TempDirs;

/**
 * What upgrades rely on: {@code chatalot admin backup} on a stopped server copies the previous release's data
 * without migrating it, and restoring that archive gives the old schema back (the roll-back path).
 */
class BackupBeforeUpgradeIT {
    private final Path data = UpgradeFromPreviousReleaseIT.unpack(UpgradeFromPreviousReleaseIT.PREVIOUS);
    private final Path restored = TempDirs.create("chatalot-restored-");

    @AfterEach
    void cleanUp() {
        TempDirs.deleteRecursively(data);
        TempDirs.deleteRecursively(restored);
    }

    @Test
    void aStoppedDataDirectoryIsBackedUpAsItIsAndRestoresToTheSameSchema() throws Exception {
        String before = schemaVersion(data);

        Run backup = admin(data, "backup");

        assertThat(backup.exit()).as(backup.out()).isZero();
        assertThat(backup.out()).contains("backing up the stopped database");
        assertThat(schemaVersion(data)).as("the backup migrated nothing").isEqualTo(before);
        Matcher written = Pattern.compile("Backup written: (\\S+)").matcher(backup.out());
        assertThat(written.find()).isTrue();

        Run restore = admin(restored, "restore", written.group(1));

        assertThat(restore.exit()).as(restore.out()).isZero();
        assertThat(restore.out()).contains("1 uploaded files restored");
        assertThat(schemaVersion(restored)).isEqualTo(before);
        ChatServer.start(ConfigLoader.load(Map.of("DATA_DIR", restored.toString(), "LISTEN_ADDR", "127.0.0.1:0",
                "LOCAL_ADMIN_ADDR", "off")).config()).stop();
        assertThat(schemaVersion(restored)).as("the current release then upgrades it").isGreaterThan(before);
    }

    @Test
    void aDatabaseInUseIsNotBackedUpBehindItsOwnersBack() throws Exception {
        try (Connection open = DriverManager.getConnection(url(data))) {
            Run backup = admin(data, "backup");

            assertThat(backup.exit()).isEqualTo(1);
            assertThat(backup.out()).contains("is in use: stop the server first");
        }
    }

    private record Run(int exit, String out) {
    }

    /** No server listens on the loopback port given, as on a box whose service is stopped. */
    private static Run admin(Path dataDir, String... args) throws Exception {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out, true);
        int exit = AdminCli.run(Map.of("DATA_DIR", dataDir.toString(), "LOCAL_ADMIN_ADDR",
                "127.0.0.1:" + FreePorts.next()), args, new BufferedReader(new StringReader("")), writer, writer);
        return new Run(exit, out.toString());
    }

    private static String url(Path dataDir) {
        return ConfigLoader.load(Map.of("DATA_DIR", dataDir.toString())).config().storage().databaseUrl();
    }

    private static String schemaVersion(Path dataDir) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(dataDir)); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT MAX(\"version\") FROM \"flyway_schema_history\"")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
