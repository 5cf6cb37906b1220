package org.chatalot.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.server.ChatServer;
import org.chatalot.server.config.ConfigLoader;
import org.chatalot.server.config.ServerConfig;

/**
 * The database a first start copies from the jar (EmptyDatabase) is the one this release's migrations make, and
 * only the default database of an empty DATA_DIR is made that way.
 */
class EmptyDatabaseTest {
    private static final String HISTORY = "SELECT \"installed_rank\", \"version\", \"description\", \"type\", "
            + "\"script\", \"checksum\", \"success\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"";

    @TempDir
    Path dir;

    @Test
    void theTemplateHasTheSchemaAndHistoryTheMigrationsMake() throws Exception {
        Path template = dir.resolve("template/chatalot.mv.db");
        Files.createDirectories(template.getParent());
        try (InputStream in = EmptyDatabase.class.getClassLoader().getResourceAsStream(EmptyDatabase.RESOURCE)) {
            assertThat(in).as(EmptyDatabase.RESOURCE + " in the build's output").isNotNull();
            Files.copy(in, template);
        }
        String migratedUrl = "jdbc:h2:file:" + dir.resolve("migrated/chatalot");
        org.h2.jdbcx.JdbcDataSource migrated = new org.h2.jdbcx.JdbcDataSource();
        migrated.setURL(migratedUrl);
        Database.migrate(migrated);
        String templateUrl = "jdbc:h2:file:" + dir.resolve("template/chatalot");

        assertThat(schema(templateUrl)).isEqualTo(schema(migratedUrl)).anyMatch(line -> line.contains("MESSAGE"));
        assertThat(rows(templateUrl, HISTORY)).isEqualTo(rows(migratedUrl, HISTORY))
                .hasSizeGreaterThanOrEqualTo(SchemaHistory.NEWEST_MIGRATION);
        assertThat(rows(templateUrl, "SELECT name, setting_value FROM instance_setting ORDER BY name"))
                .isEqualTo(rows(migratedUrl, "SELECT name, setting_value FROM instance_setting ORDER BY name"));
    }

    @Test
    void aFirstStartOnTheDefaultDatabaseCopiesTheTemplateAndFlywayAcceptsIt() throws Exception {
        ServerConfig config = config(Map.of());
        Path file = config.storage().defaultDatabaseFile().orElseThrow();

        ChatServer.start(config).stop();

        String url = config.storage().databaseUrl();
        assertThat(rows(url, "SELECT \"installed_on\" FROM \"flyway_schema_history\""))
                .as("the history written when the template was built, not at this start")
                .isEqualTo(rows(templateUrl(), "SELECT \"installed_on\" FROM \"flyway_schema_history\""));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        // What the next release's start does first: Flyway validates the applied migrations against its scripts.
        Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").load().validate();
        assertThat(SchemaHistory.read(dataSource(url)).isCurrent()).isTrue();
    }

    @Test
    void anotherDatabaseUrlIsCreatedByTheMigrations() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("elsewhere/db") + ";WRITE_DELAY=0";
        ServerConfig config = config(Map.of("DATABASE_URL", url));
        assertThat(config.storage().defaultDatabaseFile()).isEmpty();

        ChatServer.start(config).stop();

        String installedOn = "SELECT \"installed_on\" FROM \"flyway_schema_history\"";
        assertThat(rows(url, installedOn)).doesNotContainAnyElementsOf(rows(templateUrl(), installedOn));
        assertThat(SchemaHistory.read(dataSource(url)).isCurrent()).isTrue();
        assertThat(config.storage().dataDir().resolve("chatalot.mv.db")).doesNotExist();
    }

    @Test
    void anExistingDatabaseIsNeverReplaced() throws Exception {
        ServerConfig config = config(Map.of());
        Files.createDirectories(config.storage().dataDir());
        try (Connection connection = DriverManager.getConnection(config.storage().databaseUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (v INT)");
        }

        assertThat(EmptyDatabase.installIfAbsent(config.storage())).isFalse();

        assertThat(rows(config.storage().databaseUrl(), "SELECT COUNT(*) FROM kept")).containsExactly("0");
    }

    private String templateUrl() throws Exception {
        Path copy = dir.resolve("template-" + System.nanoTime() + "/chatalot.mv.db");
        Files.createDirectories(copy.getParent());
        try (InputStream in = EmptyDatabase.class.getClassLoader().getResourceAsStream(EmptyDatabase.RESOURCE)) {
            Files.copy(in, copy);
        }
        return "jdbc:h2:file:" + copy.resolveSibling("chatalot");
    }

    private ServerConfig config(Map<String, String> extra) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of("DATA_DIR", dir.resolve("data").toString(),
                "LISTEN_ADDR", "127.0.0.1:0", "LOCAL_ADMIN_ADDR", "off"));
        environment.putAll(extra);
        return ConfigLoader.load(environment).config();
    }

    private static javax.sql.DataSource dataSource(String url) {
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL(url);
        return dataSource;
    }

    /** The DDL of every object, without the user H2 creates with a random salt. */
    private static List<String> schema(String url) throws SQLException {
        return rows(url, "SCRIPT NODATA").stream().filter(line -> !line.startsWith("CREATE USER")).toList();
    }

    /** Every row as one line of its columns. */
    private static List<String> rows(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    line.append(i > 1 ? " | " : "").append(rows.getString(i));
                }
                out.add(line.toString());
            }
            return out;
        }
    }
}
