package org.chatalot.server.backup;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where things are inside a backup archive and on disk, shared by the writer and the restorer so the two
 * cannot drift apart.
 */
final class BackupLayout {
    static final String MANIFEST = "chatalot-backup.json";
    static final String DATABASE_DIR = "database/";
    static final String FILES_DIR = "files/";
    static final String KEYS_DIR = "keys/";
    static final String BACKUPS = "backups";
    static final String SHA256_SUFFIX = ".sha256";
    /** Only names the server itself makes: anything else in a path is refused before touching the disk. */
    static final Pattern NAME = Pattern.compile("chatalot-backup-\\d{8}T\\d{6}Z(-\\d{1,3})?\\.zip");

    private BackupLayout() {
    }

    static boolean isBackupName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * The H2 database file ({@code <base>.mv.db}) of an embedded file URL such as
     * {@code jdbc:h2:file:/var/lib/chatalot/chatalot;WRITE_DELAY=0}; empty for in-memory or server URLs.
     */
    static Optional<Path> h2DatabaseFile(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        String location = options < 0 ? rest : rest.substring(0, options);
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
                || lower.startsWith("zip:")) {
            return Optional.empty();
        }
        if (lower.startsWith("file:")) {
            location = location.substring("file:".length());
        }
        if (location.startsWith("~")) {
            location = System.getProperty("user.home") + location.substring(1);
        }
        return Optional.of(Path.of(location + ".mv.db").toAbsolutePath());
    }

    /** The entry name of a file under {@code root}, with forward slashes whatever the platform. */
    static String entryName(String prefix, Path root, Path file) {
        return prefix + root.relativize(file).toString().replace('\\', '/');
    }
}
