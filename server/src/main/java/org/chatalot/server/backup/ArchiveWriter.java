package org.chatalot.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Builds one backup archive: the database copy H2 made, the files tree and the keys, then the manifest,
 * computing the archive's SHA-256 as it is written.
 */
final class ArchiveWriter implements AutoCloseable {
    private final MessageDigest digest;
    private final ZipOutputStream zip;
    private long files;
    private long fileBytes;

    ArchiveWriter(OutputStream out) {
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        this.zip = new ZipOutputStream(new DigestOutputStream(out, digest));
        // Uploads are mostly compressed already (images, archives); the fastest level still shrinks the
        // database well and keeps a backup from spending most of its time compressing random bytes.
        zip.setLevel(Deflater.BEST_SPEED);
    }

    /** Copies every entry of H2's own backup zip under {@code database/}. */
    void addDatabase(Path h2Backup) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(h2Backup))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(BackupLayout.DATABASE_DIR + entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
    }

    /**
     * Adds the regular files under {@code root}. Hidden files (in-progress uploads, temp files) and symbolic
     * links are skipped; a file deleted while the walk runs is simply not included.
     */
    void addTree(String prefix, Path root, boolean countAsFiles) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path file : paths) {
            long size = addFile(BackupLayout.entryName(prefix, root, file), file);
            if (countAsFiles && size >= 0) {
                files++;
                fileBytes += size;
            }
        }
    }

    void addBytes(String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    long files() {
        return files;
    }

    long fileBytes() {
        return fileBytes;
    }

    /** Finishes the archive and returns its SHA-256 in hex. */
    String finish() throws IOException {
        zip.finish();
        zip.flush();
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Returns the bytes copied, or -1 when the file vanished before it could be read. */
    private long addFile(String name, Path file) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return -1;
        }
        try (in) {
            zip.putNextEntry(new ZipEntry(name));
            long copied = in.transferTo(zip);
            zip.closeEntry();
            return copied;
        }
    }
}
