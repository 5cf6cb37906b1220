package org.chatalot.server.auth;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import org.chatalot.model.auth.BackupCodes;
import org.chatalot.model.auth.TotpSetup;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Conflict;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.user.User;
import org.chatalot.server.user.UserRepository;

/**
 * TOTP two-factor authentication: a secret made here, shown once, stored encrypted; enabled only after the
 * user proves their app produces the right codes; 8 single-use backup codes. A code is accepted at most
 * once (the step it belongs to is recorded), so a shoulder-surfed code cannot be replayed.
 */
public final class TwoFactor {
    static final int BACKUP_CODES = 8;
    private static final int SECRET_BYTES = 20;

    private final Sql sql;
    private final UserRepository users;
    private final SecretBox box;
    private final Secrets secrets;
    private final Clock clock;
    private final String issuer;

    public TwoFactor(Sql sql, UserRepository users, SecretBox box, Secrets secrets, Clock clock, String issuer) {
        this.sql = sql;
        this.users = users;
        this.box = box;
        this.secrets = secrets;
        this.clock = clock;
        this.issuer = issuer;
    }

    /** Makes a new secret for the user's authenticator app; 2FA is not on until {@link #enable}. */
    public TotpSetup begin(User user) {
        if (user.totpEnabled()) {
            throw new Conflict("totp_already_enabled", null, "two-factor authentication is already on");
        }
        byte[] secret = secrets.bytes(SECRET_BYTES);
        users.setTotpSecret(user.id(), box.seal(secret, idBytes(user.id())), clock.instant());
        String base32 = Secrets.base32(secret);
        String label = encode(issuer) + ":" + encode(user.username());
        String url = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.PERIOD_SECONDS;
        return new TotpSetup(base32, url, QrSvg.of(url));
    }

    /** Turns 2FA on once the user shows a correct code for the pending secret; returns fresh backup codes. */
    public BackupCodes enable(User user, String code) {
        if (user.totpEnabled()) {
            throw new Conflict("totp_already_enabled", null, "two-factor authentication is already on");
        }
        if (user.totpSecret() == null) {
            throw new Conflict("totp_not_set_up", null, "start with POST /api/account/totp/setup");
        }
        byte[] secret = box.open(user.totpSecret(), idBytes(user.id()));
        OptionalLong step = Totp.match(secret, code, clock.instant());
        if (step.isEmpty()) {
            throw new InvalidInput("code", "is not the current code of the authenticator app");
        }
        List<String> codes = newBackupCodes();
        Instant now = clock.instant();
        sql.inTransaction(tx -> {
            users.enableTotp(tx, user.id(), step.getAsLong(), now);
            storeBackupCodes(tx, user.id(), codes);
            return null;
        });
        return new BackupCodes(codes);
    }

    public void disable(User user) {
        Instant now = clock.instant();
        sql.inTransaction(tx -> {
            users.disableTotp(tx, user.id(), now);
            tx.update("backup-code-delete-all", user.id());
            return null;
        });
    }

    public BackupCodes regenerateBackupCodes(User user) {
        List<String> codes = newBackupCodes();
        sql.inTransaction(tx -> {
            storeBackupCodes(tx, user.id(), codes);
            return null;
        });
        return new BackupCodes(codes);
    }

    /** Checks a TOTP code (once per step) or a backup code (once ever). */
    public boolean verify(User user, String totpCode, String backupCode) {
        if (!user.totpEnabled() || user.totpSecret() == null) {
            return false;
        }
        if (backupCode != null && !backupCode.isBlank()) {
            String hash = Secrets.sha256Hex(Secrets.normalizeCode(backupCode));
            return sql.update("backup-code-use", clock.instant(), user.id(), hash) == 1;
        }
        byte[] secret = box.open(user.totpSecret(), idBytes(user.id()));
        OptionalLong step = Totp.match(secret, totpCode, clock.instant());
        return step.isPresent() && users.claimTotpStep(user.id(), step.getAsLong());
    }

    private List<String> newBackupCodes() {
        List<String> codes = new ArrayList<>(BACKUP_CODES);
        for (int i = 0; i < BACKUP_CODES; i++) {
            codes.add(secrets.humanCode(2, 5));
        }
        return codes;
    }

    private static void storeBackupCodes(Sql.Tx tx, UUID userId, List<String> codes) {
        tx.update("backup-code-delete-all", userId);
        for (String code : codes) {
            tx.update("backup-code-insert", userId, Secrets.sha256Hex(Secrets.normalizeCode(code)));
        }
    }

    static byte[] idBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
