package org.chatalot.server.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbMapperManager;
import io.helidon.dbclient.DbStatements;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import org.chatalot.model.ProductVersion;
import org.chatalot.server.common.CannotStart;
import org.chatalot.server.config.ConfigException;
import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.config.Settings;
import org.chatalot.server.security.PrivateFiles;

/** The connection pool, migrations and DB Client, opened once at start and closed last at shutdown. */
public final class Database implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final String STATEMENTS = "db/statements.yaml";
    private static final int POOL_SIZE = 16;

    private final HikariDataSource dataSource;
    private final Path dataDir;
    private final DbClient client;
    private final Sql sql;
    private final WriteFailures writeFailures;
    private final Optional<StoreMaintenance> maintenance;

    private Database(HikariDataSource dataSource, DbClient client, Path dataDir, DiskSpace space, String url) {
        this.dataDir = dataDir;
        this.dataSource = dataSource;
        this.client = client;
        this.maintenance = StoreMaintenance.start(dataSource, url);
        this.writeFailures = new WriteFailures(java.time.Clock.systemUTC());
        this.sql = new Sql(client, space, writeFailures);
    }

    /** Opens the pool, applies pending migrations and prepares the named statements. */
    public static Database open(ServerConfig.Storage storage) {
        createDataDir(storage.dataDir());
        return open(storage, DiskSpace.of(storage.dataDir(), storage.minFreeDiskBytes()));
    }

    /**
     * {@link #open(ServerConfig.Storage)} with the disk the server watches; refuses to start (one line, nothing
     * written) when DATA_DIR has less than {@code MIN_FREE_DISK_MB} free.
     */
    public static Database open(ServerConfig.Storage storage, DiskSpace space) {
        createDataDir(storage.dataDir());
        space.requireRoomToStart();
        String url = storage.databaseUrl();
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY=0")) {
            LOG.log(System.Logger.Level.WARNING, "DATABASE_URL lacks WRITE_DELAY=0: H2 then writes commits in the "
                    + "background and a crash can lose the last second of acknowledged messages");
        }
        EmptyDatabase.installIfAbsent(storage);
        HikariDataSource dataSource = pool(withoutTraceFile(url));
        try {
            SchemaHistory history = SchemaHistory.read(dataSource);
            refuseNewerSchema(history.newerThanThisRelease());
            if (!history.isCurrent()) {
                MigrateResult result = flyway(dataSource).migrate();
                if (result.migrationsExecuted > 0) {
                    LOG.log(System.Logger.Level.INFO, "Database migrated to version {0} ({1} migrations applied)",
                            result.targetSchemaVersion, result.migrationsExecuted);
                }
            }
        } catch (RuntimeException e) {
            dataSource.close();
            if (space.isFull()) {
                throw new CannotStart("the database could not be opened because DATA_DIR is full: "
                        + space.describe() + " (" + rootMessage(e) + "). Free some space and start again.");
            }
            throw e;
        }
        restrictDatabaseFiles(storage.dataDir());
        DbStatements statements = NamedStatements.load(STATEMENTS);
        DbClient client = JdbcClientBuilder.create()
                .connectionPool(new HikariPool(dataSource))
                .statements(statements)
                // Both named, so that build() discovers neither through Helidon's service registry (ColumnMappers).
                .mapperManager(new ColumnMappers())
                .dbMapperManager(DbMapperManager.create())
                .build();
        return new Database(dataSource, client, storage.dataDir(), space, url);
    }

    /**
     * H2 creates its files with the process umask (usually 644). DATA_DIR is 700 already, but the database
     * holds password hashes and messages, so its files are owner-only too, in case the directory is ever
     * loosened.
     */
    private static void restrictDatabaseFiles(Path dataDir) {
        try (var files = Files.list(dataDir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".db")).forEach(file -> {
                try {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(
                            "rw-------"));
                } catch (java.io.IOException | UnsupportedOperationException e) {
                    LOG.log(System.Logger.Level.DEBUG, "cannot restrict " + file, e);
                }
            });
        } catch (java.io.IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot list " + dataDir, e);
        }
    }

    /**
     * H2 writes every failed statement, with the values involved (message text, names), to a
     * {@code .trace.db} file beside the database, created world-readable by the umask. The server logs
     * failures itself, so that file is turned off unless the operator's URL asks for it.
     */
    static String withoutTraceFile(String url) {
        boolean h2File = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        return h2File && !url.toUpperCase(java.util.Locale.ROOT).contains("TRACE_LEVEL_FILE=")
                ? url + ";TRACE_LEVEL_FILE=0" : url;
    }

    /**
     * Applies pending migrations; exposed so tests can build older schema versions. A database that a newer
     * release has migrated further than this one knows is refused before anything is changed: this code would
     * misread it, and going back means restoring the backup taken before that upgrade.
     */
    public static MigrateResult migrate(javax.sql.DataSource dataSource) {
        refuseNewerSchema(SchemaHistory.read(dataSource).newerThanThisRelease());
        return flyway(dataSource).migrate();
    }

    private static Flyway flyway(javax.sql.DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                // Flyway ignores migrations it does not know ("future") by default; we never do.
                .ignoreMigrationPatterns(new String[0])
                .load();
    }

    private static void refuseNewerSchema(List<String> unknown) {
        if (!unknown.isEmpty()) {
            throw new DatabaseTooNew("The database was upgraded by a newer Chatalot than this one ("
                    + ProductVersion.current() + "): it has schema migration " + String.join(", ", unknown)
                    + ", which this version does not know, so it will not start on it. Run the newer version, or roll"
                    + " back by restoring the backup taken before that upgrade (docs/operations.md, \"Rolling "
                    + "back\").");
        }
    }

    public Sql sql() {
        return sql;
    }

    /** The latest write that failed for a storage reason, while no write has succeeded since. */
    public WriteFailures writeFailures() {
        return writeFailures;
    }

    public DbClient client() {
        return client;
    }

    /**
     * Runs the ping statement and measures how long the database took to answer. A failure evicts every
     * pooled connection (after an outage they are all dead, and each would otherwise fail one request) and
     * tries once more on a fresh one, so the probe reports recovery as soon as the database is back.
     */
    public Ping ping() {
        long start = System.nanoTime();
        try {
            sql.one("ping", row -> row.column(1).get(Integer.class));
            return new Ping(true, Duration.ofNanos(System.nanoTime() - start), null);
        } catch (RuntimeException first) {
            if (dataSource.getHikariPoolMXBean() != null) {
                dataSource.getHikariPoolMXBean().softEvictConnections();
            }
            start = System.nanoTime();
            try {
                sql.one("ping", row -> row.column(1).get(Integer.class));
                return new Ping(true, Duration.ofNanos(System.nanoTime() - start), null);
            } catch (RuntimeException e) {
                return new Ping(false, Duration.ofNanos(System.nanoTime() - start), rootMessage(e));
            }
        }
    }

    /**
     * The embedded H2 file's size and its live data as of the last upkeep round, and how many rounds failed;
     * empty for another database. A file that keeps growing, stays far above its live data, or failing rounds
     * are what an operator watches for.
     */
    public Optional<FileUpkeep> fileUpkeep() {
        return maintenance.map(m -> new FileUpkeep(m.fileBytes(), m.liveBytes(), m.failedRounds()));
    }

    public record FileUpkeep(long fileBytes, long liveBytes, long failedRounds) {
    }

    public int activeConnections() {
        return dataSource.getHikariPoolMXBean() == null ? 0 : dataSource.getHikariPoolMXBean().getActiveConnections();
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        maintenance.ifPresent(StoreMaintenance::close);
        client.close();
        dataSource.close();
        // H2 may rewrite its file when it compacts on close
        restrictDatabaseFiles(dataDir);
    }

    /** Outcome of a ping: whether the database answered, how fast, and why not. */
    public record Ping(boolean healthy, Duration latency, String error) {
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("chatalot-db");
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(2);
        // A dead database must turn into a quick 503 on /api/health, not a hung probe.
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(1_000);
        config.setExceptionOverrideClassName(BrokenConnections.class.getName());
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new ConfigException(List.of(Settings.DATABASE_URL.name() + ": cannot open " + redact(url) + ": "
                    + rootMessage(e)));
        }
    }

    private static void createDataDir(Path dataDir) {
        try {
            PrivateFiles.directory(dataDir);
        } catch (java.io.IOException e) {
            throw new ConfigException(List.of(Settings.DATA_DIR.name() + ": cannot create " + dataDir + ": " + e));
        }
        if (!Files.isWritable(dataDir)) {
            throw new ConfigException(List.of(Settings.DATA_DIR.name() + ": " + dataDir + " is not writable"));
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1****");
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Hands DB Client connections from our Hikari pool (Helidon's own Hikari provider is not served here). */
    private record HikariPool(HikariDataSource dataSource) implements JdbcConnectionPool {
        @Override
        public Connection connection() {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new DbClientException("no database connection: " + e.getMessage(), e);
            }
        }

        @Override
        public String dbType() {
            String url = dataSource.getJdbcUrl();
            String rest = url.substring("jdbc:".length());
            return rest.substring(0, Math.max(0, rest.indexOf(':')));
        }
    }
}
