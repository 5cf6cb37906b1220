package org.chatalot.server.auth;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.model.auth.RegistrationMode;
import org.chatalot.model.user.Role;
import org.chatalot.server.audit.AuditLog;
import org.chatalot.server.audit.AuditLog.AuditEntry;
import org.chatalot.server.common.Origin;
import org.chatalot.server.db.Ids;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Conflict;
import org.chatalot.server.error.Forbidden;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.invite.InviteService;
import org.chatalot.server.settings.InstanceSettings;
import org.chatalot.server.user.User;
import org.chatalot.server.user.UserRepository;
import org.chatalot.server.user.UserRules;

/**
 * Creating accounts. The setup code makes the first owner in any mode; otherwise {@code open} lets anyone
 * in, {@code invite_only} needs a valid invite (one use taken in the same transaction as the insert, so a
 * failed registration gives the use back), and {@code closed} refuses.
 */
public final class Registration {
    private final Sql sql;
    private final UserRepository users;
    private final InviteService invites;
    private final InstanceSettings settings;
    private final SetupCode setupCode;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Secrets secrets;
    private final Ids ids;
    private final Clock clock;

    public Registration(Sql sql, UserRepository users, InviteService invites, InstanceSettings settings,
                        SetupCode setupCode, PasswordHasher hasher, PasswordPolicy policy, Sessions sessions,
                        AuditLog audit, Secrets secrets, Ids ids, Clock clock) {
        this.sql = sql;
        this.users = users;
        this.invites = invites;
        this.settings = settings;
        this.setupCode = setupCode;
        this.hasher = hasher;
        this.policy = policy;
        this.sessions = sessions;
        this.audit = audit;
        this.secrets = secrets;
        this.ids = ids;
        this.clock = clock;
    }

    public AuthTokens register(RegisterRequest request, Origin origin) {
        String username = UserRules.username(request.username());
        String displayName = UserRules.displayName(request.displayName(), username);
        String email = UserRules.email(request.email());
        policy.check("password", request.password(), username, email);
        boolean asOwner = request.setupCode() != null && !request.setupCode().isBlank();
        if (asOwner && !setupCode.matches(request.setupCode())) {
            throw new InvalidInput("setup_code", "is not valid (it works once, while the server has no owner)");
        }
        String invite = asOwner ? null : checkMode(request.inviteCode());
        String recoveryCode = secrets.humanCode(5, 5);
        var newUser = new UserRepository.NewUser(ids.next(), username, displayName, email,
                hasher.hash(request.password()), asOwner ? Role.OWNER : Role.MEMBER,
                Secrets.sha256Hex(Secrets.normalizeCode(recoveryCode)));
        insert(newUser, invite, asOwner);
        if (asOwner) {
            setupCode.consumed();
        }
        User user = users.byId(newUser.id()).orElseThrow();
        audit.record(AuditEntry.by(user.id(), user.username(), asOwner ? "owner.created" : "user.registered", origin)
                .target("user", user.id(), user.username())
                .details(invite == null ? Map.of() : Map.of("invite", invite)));
        return sessions.open(user, origin, recoveryCode);
    }

    /** Returns the invite code to consume, or null when none is needed. */
    private String checkMode(String inviteCode) {
        RegistrationMode mode = settings.registrationMode();
        return switch (mode) {
            case OPEN -> inviteCode == null || inviteCode.isBlank() ? null : inviteCode;
            case CLOSED -> throw new Forbidden("registration_closed", "registration is closed on this server");
            case INVITE_ONLY -> {
                if (inviteCode == null || inviteCode.isBlank()) {
                    throw new InvalidInput("invite_code", "required: this server is invite-only");
                }
                yield inviteCode;
            }
        };
    }

    private void insert(UserRepository.NewUser user, String invite, boolean asOwner) {
        try {
            sql.inTransaction(tx -> {
                if (asOwner) {
                    tx.list("setup-lock", row -> row);
                    if (users.ownerExists(tx)) {
                        throw new Conflict("setup_code_used", "setup_code", "the server already has an owner");
                    }
                }
                if (invite != null && !invites.consume(tx, invite)) {
                    throw new InvalidInput("invite_code", "is not valid, has expired, or has no uses left");
                }
                users.insert(tx, user, clock.instant());
                return null;
            });
        } catch (RuntimeException e) {
            throw duplicate(e, user.id());
        }
    }

    private static RuntimeException duplicate(RuntimeException e, UUID ignored) {
        if (Sql.isUniqueViolation(e, "UQ_USER_USERNAME")) {
            return new Conflict("username_taken", "username", "username: is already taken");
        }
        if (Sql.isUniqueViolation(e, "UQ_USER_EMAIL")) {
            return new Conflict("email_taken", "email", "email: is already used by another account");
        }
        return e;
    }
}
