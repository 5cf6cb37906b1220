package org.chatalot.server.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.chatalot.model.admin.BackupInfo;
import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.security.PrivateFiles;

/**
 * A backup of a stopped server, in the same archive format as the online one, so {@code chatalot admin restore}
 * takes either. Upgrades use it: the package and {@code chatalot-install upgrade} back up the data before the
 * new version's first start migrates it. It opens the database as it is, without migrating it.
 */
public final class OfflineBackup {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ServerConfig.Storage storage;
    private final String version;
    private final Clock clock;

    public OfflineBackup(ServerConfig.Storage storage, String version, Clock clock) {
        this.storage = storage;
        this.version = version;
        this.clock = clock;
    }

    /** Throws {@link BackupRestore.RestoreRefused} when the database is in use or not an embedded H2 file. */
    public BackupInfo create() throws IOException {
        Path database = BackupLayout.h2DatabaseFile(storage.databaseUrl()).orElseThrow(() ->
                new BackupRestore.RestoreRefused("DATABASE_URL is not an embedded H2 file database; back it up "
                        + "with that database's own tools"));
        if (!Files.exists(database)) {
            throw new BackupRestore.RestoreRefused("there is no database at " + database + " to back up");
        }
        BackupRestore.requireStopped(database);
        Instant now = clock.instant();
        Path dir = PrivateFiles.directory(storage.dataDir().resolve(BackupLayout.BACKUPS));
        String name = freeName(dir, now);
        Path databaseCopy = Files.createTempFile(dir, ".db-", ".zip");
        Path partial = Files.createTempFile(dir, ".partial-", ".zip");
        try {
            copyDatabase(databaseCopy);
            String sha256;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 256 * 1024);
                 ArchiveWriter archive = new ArchiveWriter(out)) {
                archive.addDatabase(databaseCopy);
                archive.addTree(BackupLayout.FILES_DIR, storage.filesDir(), true);
                archive.addTree(BackupLayout.KEYS_DIR, storage.keysDir(), false);
                archive.addBytes(BackupLayout.MANIFEST, manifest(now, archive));
                sha256 = archive.finish();
            }
            Path target = dir.resolve(name);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            PrivateFiles.write(target.resolveSibling(name + BackupLayout.SHA256_SUFFIX),
                    (sha256 + "  " + name + "\n").getBytes(StandardCharsets.UTF_8));
            return new BackupInfo(name, Files.size(target), now, sha256, false);
        } finally {
            Files.deleteIfExists(databaseCopy);
            Files.deleteIfExists(partial);
        }
    }

    /** H2's own consistent copy, as the online backup makes; the database is closed again at once. */
    private void copyDatabase(Path target) throws IOException {
        try (Connection connection = DriverManager.getConnection(storage.databaseUrl());
             PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
            backup.setString(1, target.toString());
            backup.execute();
        } catch (SQLException e) {
            throw new IOException("cannot copy the database: " + e.getMessage(), e);
        }
    }

    private byte[] manifest(Instant now, ArchiveWriter archive) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", 1);
        manifest.put("server_version", version);
        manifest.put("created_at", now.toString());
        manifest.put("offline", true);
        manifest.put("files", archive.files());
        manifest.put("file_bytes", archive.fileBytes());
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
    }

    private static String freeName(Path dir, Instant now) {
        String base = "chatalot-backup-" + STAMP.format(now);
        String name = base + ".zip";
        for (int n = 2; Files.exists(dir.resolve(name)); n++) {
            name = base + "-" + n + ".zip";
        }
        return name;
    }
}
