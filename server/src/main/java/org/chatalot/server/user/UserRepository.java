package org.chatalot.server.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbRow;

import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;
import org.chatalot.server.db.Rows;
import org.chatalot.server.db.Sql;

/** Rows of {@code app_user}. */
public final class UserRepository {
    private final Sql sql;

    public UserRepository(Sql sql) {
        this.sql = sql;
    }

    /** Inserts an active user; throws the database's unique-constraint error for a taken name or email. */
    public void insert(Sql.Tx tx, NewUser user, Instant now) {
        tx.update("user-insert", user.id(), user.username(), User.key(user.username()), user.displayName(),
                user.email(), User.key(user.email()), user.passwordHash(), user.role().wireName(),
                user.recoveryCodeHash(), now, now);
    }

    public Optional<User> byId(UUID id) {
        return sql.one("user-by-id", UserRepository::map, id);
    }

    public Optional<User> byUsername(String username) {
        return sql.one("user-by-username", UserRepository::map, User.key(username));
    }

    public boolean ownerExists() {
        return sql.one("user-owner-exists", row -> Rows.longValue(row, "CNT")).orElse(0L) > 0;
    }

    public boolean ownerExists(Sql.Tx tx) {
        return tx.one("user-owner-exists", row -> Rows.longValue(row, "CNT")).orElse(0L) > 0;
    }

    public void updatePassword(Sql.Tx tx, UUID id, String passwordHash, Instant now) {
        tx.update("user-update-password", passwordHash, now, id);
    }

    public void updateRecoveryCode(Sql.Tx tx, UUID id, String recoveryCodeHash, Instant now) {
        tx.update("user-update-recovery-code", recoveryCodeHash, now, id);
    }

    public void updateProfile(UUID id, String displayName, String email, String statusText, Instant now) {
        sql.update("user-update-profile", displayName, email, User.key(email), statusText, now, id);
    }

    public void setTotpSecret(UUID id, byte[] encryptedSecret, Instant now) {
        sql.update("user-set-totp-secret", encryptedSecret, now, id);
    }

    public void enableTotp(Sql.Tx tx, UUID id, long step, Instant now) {
        tx.update("user-enable-totp", step, now, id);
    }

    public void disableTotp(Sql.Tx tx, UUID id, Instant now) {
        tx.update("user-disable-totp", now, id);
    }

    /** Records a TOTP step as used; false when it (or a later one) was used already. */
    public boolean claimTotpStep(UUID id, long step) {
        return sql.update("user-claim-totp-step", step, id, step) == 1;
    }

    public void touchLastSeen(UUID id, Instant now) {
        sql.update("user-touch-seen", now, id);
    }

    /** Users whose username or display name starts with {@code prefix} (case-insensitive). */
    public List<User> search(String prefix, int limit) {
        String pattern = escapeLike(User.key(prefix)) + "%";
        return sql.list("user-search", UserRepository::map, pattern, pattern, limit);
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Maps a row with the columns of {@code app_user} (also used by joins in other features). */
    public static User map(DbRow row) {
        return new User(
                Rows.uuid(row, "ID"),
                Rows.string(row, "USERNAME"),
                Rows.string(row, "DISPLAY_NAME"),
                Rows.string(row, "EMAIL"),
                Rows.string(row, "PASSWORD_HASH"),
                Role.fromWireName(Rows.string(row, "ROLE")),
                UserStatus.fromWireName(Rows.string(row, "STATUS")),
                Rows.string(row, "STATUS_REASON"),
                Rows.string(row, "RECOVERY_CODE_HASH"),
                Rows.bytes(row, "TOTP_SECRET"),
                Rows.bool(row, "TOTP_ENABLED"),
                Rows.instant(row, "CREATED_AT"),
                Rows.instant(row, "LAST_SEEN_AT"),
                Rows.string(row, "STATUS_TEXT"));
    }

    /** What registration or an admin supplies for a new account. */
    public record NewUser(UUID id, String username, String displayName, String email, String passwordHash, Role role,
                          String recoveryCodeHash) {
    }
}
