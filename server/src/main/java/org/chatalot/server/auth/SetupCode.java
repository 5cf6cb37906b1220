package org.chatalot.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.chatalot.server.security.PrivateFiles;

/**
 * The one-time code that creates the first owner. While the server has no owner it prints the code at
 * start and keeps it in {@code DATA_DIR/setup-code} (mode 600, reused across restarts until used);
 * registering with it makes the owner in any registration mode, and the code is void from then on.
 */
public final class SetupCode {
    private static final System.Logger LOG = System.getLogger(SetupCode.class.getName());
    static final String FILE_NAME = "setup-code";

    private final Path file;
    private final Secrets secrets;
    private volatile String code;

    public SetupCode(Path dataDir, Secrets secrets) {
        this.file = dataDir.resolve(FILE_NAME);
        this.secrets = secrets;
    }

    /** Called at start: creates (or reuses) the code when there is no owner, removes it when there is. */
    public void prepare(boolean ownerExists) {
        try {
            if (ownerExists) {
                Files.deleteIfExists(file);
                code = null;
                return;
            }
            String existing = Files.exists(file) ? Files.readString(file).strip() : "";
            code = existing.matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}") ? existing : secrets.humanCode(4, 4);
            PrivateFiles.write(file, (code + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
        LOG.log(System.Logger.Level.WARNING, "This server has no owner yet. Register the owner account with setup "
                + "code " + code + " (also in " + file + "). It works once, in any registration mode.");
    }

    /** Where the operator finds the code, for the set-up page; never the code itself. */
    public String hint() {
        return "printed in the server's log at start-up and stored in " + file + " on the server";
    }

    public boolean isPending() {
        return code != null;
    }

    public boolean matches(String candidate) {
        String current = code;
        return current != null && Secrets.constantTimeEquals(Secrets.normalizeCode(current),
                Secrets.normalizeCode(candidate));
    }

    /** The owner exists now: the code stops working and its file goes. */
    public void consumed() {
        code = null;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete used setup code file " + file, e);
        }
    }
}
