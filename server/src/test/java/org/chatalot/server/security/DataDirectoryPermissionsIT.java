package org.chatalot.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.BackupInfo;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.TestServer;

/**
 * Everything the server writes into DATA_DIR while it runs (the database, H2's own files, uploads, backups,
 * keys, tokens) is readable by its owner only, so a loosened DATA_DIR still exposes nothing.
 */
class DataDirectoryPermissionsIT {
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void nothingInTheDataDirectoryIsReadableByOthersAfterADatabaseErrorAnUploadAndABackup() throws Exception {
        String owner = server.users().owner().accessToken();
        new FileClient(server).uploaded(owner, "notes.txt", "minutes".getBytes(StandardCharsets.UTF_8));
        server.users().expect(201, server.users().post(owner, "/api/admin/backups", "{}"), BackupInfo.class);
        // A statement H2 refuses: H2 writes such failures, with the values involved, to its trace file.
        try (Connection connection = DriverManager.getConnection(server.server().config().storage().databaseUrl())) {
            assertThatThrownBy(() -> connection.createStatement().execute("SELECT * FROM no_such_table"))
                    .isInstanceOf(SQLException.class);
        }

        List<String> exposed;
        try (Stream<Path> files = Files.walk(server.dataDir())) {
            exposed = files.filter(Files::isRegularFile).filter(DataDirectoryPermissionsIT::isExposed)
                    .map(file -> server.dataDir().relativize(file) + " " + permissions(file)).toList();
        }
        assertThat(exposed).isEmpty();
        assertThat(server.dataDir().resolve("chatalot.trace.db")).as("H2 traces nothing to a file").doesNotExist();
    }

    private static boolean isExposed(Path file) {
        try {
            return Files.getPosixFilePermissions(file).stream().anyMatch(OTHERS::contains);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String permissions(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
