package org.chatalot.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.server.ChatServer;
import org.chatalot.server.config.ConfigLoader;
import org.chatalot.server.config.ServerConfig;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void emptyDatabaseIsMigratedToTheLatestVersion() throws Exception {
        ServerConfig config = config();

        ChatServer.start(config).stop();

        assertThat(appliedMigrations(config)).isEqualTo(migrationFiles());
        assertThat(latestVersion(config)).isEqualTo(String.format("%03d", migrationFiles()));
    }

    @Test
    void existingDatabaseAtTheOldestVersionIsUpgradedAndKeepsItsData() throws Exception {
        ServerConfig config = config();
        Flyway.configure().dataSource(config.storage().databaseUrl(), "", "")
                .locations("classpath:db/migration").target("1").load().migrate();
        execute(config, "INSERT INTO instance_setting (name, setting_value, updated_at) "
                + "VALUES ('kept', 'yes', CURRENT_TIMESTAMP)");

        ChatServer.start(config).stop();

        assertThat(appliedMigrations(config)).isEqualTo(migrationFiles());
        assertThat(query(config, "SELECT setting_value FROM instance_setting WHERE name = 'kept'")).isEqualTo("yes");
    }

    @Test
    void restartingAppliesNothingTwice() throws Exception {
        ServerConfig config = config();
        ChatServer.start(config).stop();
        int before = appliedMigrations(config);

        ChatServer.start(config).stop();

        assertThat(appliedMigrations(config)).isEqualTo(before);
    }

    @Test
    void theNewestMigrationConstantIsTheNewestMigrationFile() throws Exception {
        Path folder = Path.of(MigrationsTest.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            int newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.+\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
            assertThat(SchemaHistory.NEWEST_MIGRATION).as("raise SchemaHistory.NEWEST_MIGRATION with each migration")
                    .isEqualTo(newest);
        }
    }

    @Test
    void onlyADatabaseAtTheNewestMigrationIsCurrentAndARestartLeavesFlywayOut() throws Exception {
        ServerConfig config = config();
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL(config.storage().databaseUrl());
        Files.createDirectories(config.storage().dataDir());
        assertThat(SchemaHistory.read(dataSource).isCurrent()).as("empty").isFalse();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("1").load().migrate();
        assertThat(SchemaHistory.read(dataSource).isCurrent()).as("at version 1").isFalse();

        ChatServer.start(config).stop();
        assertThat(SchemaHistory.read(dataSource).isCurrent()).as("migrated").isTrue();
        execute(config, "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '002'");
        assertThat(SchemaHistory.read(dataSource).isCurrent()).as("with a failed migration").isFalse();
    }

    @Test
    void aMigrationFromANewerReleaseIsReportedByVersionAndDescription() throws Exception {
        ServerConfig config = config();
        ChatServer.start(config).stop();
        execute(config, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                + "VALUES (99, '999', 'from the future', 'SQL', 'V999__f.sql', 0, 'test', 1, TRUE)");
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL(config.storage().databaseUrl());

        SchemaHistory history = SchemaHistory.read(dataSource);

        assertThat(history.isCurrent()).isFalse();
        assertThat(history.newerThanThisRelease()).containsExactly("999 (from the future)");
    }

    private ServerConfig config() {
        return ConfigLoader.load(Map.of("DATA_DIR", dir.resolve("data").toString(), "LISTEN_ADDR", "127.0.0.1:0",
                "LOCAL_ADMIN_ADDR", "off")).config();
    }

    private static int migrationFiles() throws IOException, URISyntaxException {
        Path folder = Path.of(MigrationsTest.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
    }

    private static int appliedMigrations(ServerConfig config) throws SQLException {
        return Integer.parseInt(query(config,
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"type\" = 'SQL'"));
    }

    private static String latestVersion(ServerConfig config) throws SQLException {
        return query(config, "SELECT MAX(\"version\") FROM \"flyway_schema_history\"");
    }

    private static String query(ServerConfig config, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(config.storage().databaseUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(ServerConfig config, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(config.storage().databaseUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
