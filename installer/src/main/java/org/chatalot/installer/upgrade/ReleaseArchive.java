package org.chatalot.installer.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.chatalot.installer.apply.StepFailed;

/**
 * A release archive, {@code chatalot-<version>.tar.gz}, with its {@code .sha256} beside it: the version it holds
 * (from its top folder) and whether it is intact.
 *
 * @param path    the archive
 * @param version the release inside, e.g. {@code 0.3.0}
 */
public record ReleaseArchive(Path path, String version) {
    private static final Pattern TOP_FOLDER = Pattern.compile("^chatalot-(\\d+\\.\\d+\\.\\d+[0-9A-Za-z.+-]*)/");
    // ustar header layout
    private static final int BLOCK = 512;
    private static final int NAME_LENGTH = 100;
    private static final int SIZE_OFFSET = 124;
    private static final int SIZE_LENGTH = 12;
    private static final int TYPE_OFFSET = 156;
    private static final int PREFIX_OFFSET = 345;
    private static final int PREFIX_LENGTH = 155;

    /** Reads the version from the archive's first entry; refuses anything that is not one of our archives. */
    public static ReleaseArchive open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("archive: no such file: " + path);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            Matcher matcher = TOP_FOLDER.matcher(firstEntryName(in));
            if (!matcher.find()) {
                throw new IllegalArgumentException("archive: " + path + " is not a Chatalot release archive "
                        + "(expected a chatalot-<version>/ folder inside)");
            }
            return new ReleaseArchive(path, matcher.group(1));
        } catch (IOException e) {
            throw new IllegalArgumentException("archive: cannot read " + path + " as .tar.gz: " + e.getMessage());
        }
    }

    /** The name in the first file header, past any pax extended headers (our build writes them). */
    private static String firstEntryName(InputStream tar) throws IOException {
        for (int headers = 0; headers < 8; headers++) {
            byte[] block = tar.readNBytes(BLOCK);
            if (block.length < BLOCK) {
                return "";
            }
            char type = (char) block[TYPE_OFFSET];
            if (type == 'x' || type == 'g') {
                long size = Long.parseLong(field(block, SIZE_OFFSET, SIZE_LENGTH).strip(), 8);
                tar.skipNBytes((size + BLOCK - 1) / BLOCK * BLOCK);
                continue;
            }
            String prefix = field(block, PREFIX_OFFSET, PREFIX_LENGTH);
            String name = field(block, 0, NAME_LENGTH);
            return prefix.isEmpty() ? name : prefix + "/" + name;
        }
        return "";
    }

    private static String field(byte[] block, int offset, int length) {
        int end = offset;
        while (end < offset + length && block[end] != 0) {
            end++;
        }
        return new String(block, offset, end - offset, StandardCharsets.UTF_8);
    }

    /**
     * Checks the archive against {@code <archive>.sha256} when that file is there; empty when it is not (the
     * caller says the archive was not verified). A mismatch stops the upgrade before anything changes.
     */
    public Optional<String> verifyChecksum() {
        Path sidecar = path.resolveSibling(path.getFileName() + ".sha256");
        if (!Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        try {
            String expected = Files.readString(sidecar).strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
            String actual = sha256();
            if (!actual.equals(expected)) {
                throw new StepFailed(path + " does not match " + sidecar.getFileName() + " (SHA-256 " + actual
                        + ", expected " + expected + "): download it again; nothing was changed");
            }
            return Optional.of(actual);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String sha256() throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
