package org.chatalot.server.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.security.PrivateFiles;

/**
 * The database of a first start, made at build time: this release's migrations applied by Flyway to a blank H2
 * file, kept in the jar as {@value #RESOURCE}. A first start on the default database (DATABASE_URL unset) copies
 * it into DATA_DIR instead of running the migrations, which were most of a first start's database work (Flyway's
 * scan, seven scripts and its history, on one core about 0.3 s of CPU). The copy is the database Flyway would have
 * made at that start, except that its history says when the release was built: {@link SchemaHistory} finds it
 * current, and the next release's migrations apply to it as to any other. {@code EmptyDatabaseTest} compares it
 * with a database migrated at run time.
 */
public final class EmptyDatabase {
    static final String RESOURCE = "db/empty.mv.db";
    private static final System.Logger LOG = System.getLogger(EmptyDatabase.class.getName());

    private EmptyDatabase() {
    }

    /**
     * Copies the template to the default database's file when it does not exist yet; returns whether it did. Any
     * other DATABASE_URL, an existing file, or a jar without the template (a build that skipped it) leaves the
     * database to Flyway, as before.
     */
    static boolean installIfAbsent(ServerConfig.Storage storage) {
        Path file = storage.defaultDatabaseFile().orElse(null);
        if (file == null || Files.exists(file)) {
            return false;
        }
        try (InputStream template = EmptyDatabase.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (template == null) {
                LOG.log(System.Logger.Level.DEBUG, RESOURCE + " is not in the jar: the migrations create the database");
                return false;
            }
            Path temp = file.resolveSibling(".tmp-" + file.getFileName());
            Files.deleteIfExists(temp); // left by a start that stopped half-way
            PrivateFiles.newFile(temp);
            try {
                Files.copy(template, temp, StandardCopyOption.REPLACE_EXISTING);
                // On disk before it gets its name: a power cut must not leave a named but empty database.
                try (FileChannel written = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    written.force(true);
                }
                // No REPLACE_EXISTING: a database that appeared meanwhile is kept.
                Files.move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database " + file, e);
        }
    }

    /** Build time ({@code process-classes}): writes the template to {@code OUTPUT_DIR/}{@value #RESOURCE}. */
    public static void main(String[] args) throws IOException, SQLException {
        Path output = Path.of(args[0]).resolve(RESOURCE);
        Path work = Files.createTempDirectory("chatalot-empty-db-");
        try {
            String url = "jdbc:h2:file:" + work.resolve("chatalot") + ";TRACE_LEVEL_FILE=0";
            org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
            dataSource.setURL(url);
            Database.migrate(dataSource);
            try (Connection connection = DriverManager.getConnection(url);
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
            Files.createDirectories(output.getParent());
            Files.copy(work.resolve("chatalot.mv.db"), output, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
