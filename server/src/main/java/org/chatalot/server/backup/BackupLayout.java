package org.chatalot.server.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
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
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /**
     * Only names the server itself makes: anything else in a path is refused before touching the disk. Group 1 is
     * the time it was taken (UTC); a scheduled backup carries {@code -scheduled}.
     */
    static final Pattern NAME = Pattern.compile("chatalot-backup-(\\d{8}T\\d{6}Z)(-scheduled)?(-\\d{1,3})?\\.zip");
    static final String SCHEDULED_MARK = "-scheduled";

    private BackupLayout() {
    }

    static boolean isBackupName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static boolean isScheduledName(String name) {
        Matcher matcher = NAME.matcher(name);
        return matcher.matches() && matcher.group(2) != null;
    }

    /** The time in a backup's name: when it was taken, whatever the file's modification time says. */
    static Optional<Instant> takenAt(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(STAMP.parse(matcher.group(1), Instant::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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
