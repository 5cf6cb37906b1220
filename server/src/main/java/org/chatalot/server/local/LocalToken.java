package org.chatalot.server.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.chatalot.server.security.PrivateFiles;

/**
 * The secret that lets the operator of the box use the local admin commands without a password. A new one
 * is written to {@code DATA_DIR/local-admin.token} (mode 600) at every start, so only someone who can read
 * the data directory (root, or the service's own user) holds it, and a copy stops working at the next restart.
 */
public final class LocalToken {
    public static final String FILE_NAME = "local-admin.token";
    private static final int BYTES = 32;

    private final Path file;
    private final byte[] token;

    private LocalToken(Path file, String token) {
        this.file = file;
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    /** Generates a fresh token and writes it, replacing any earlier one. */
    public static LocalToken generate(Path dataDir) {
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path file = dataDir.resolve(FILE_NAME);
        try {
            PrivateFiles.write(file, (token + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new LocalToken(file, token);
    }

    /** Reads the token a running server wrote, for the admin commands. */
    public static String read(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve(FILE_NAME), StandardCharsets.US_ASCII).strip();
    }

    public boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(token, candidate.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** Removes the file at shutdown, so no token outlives the server that accepts it. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next start replaces it anyway
        }
    }
}
