package org.chatalot.server.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.AdminUserPage;
import org.chatalot.model.admin.CreateUserRequest;
import org.chatalot.model.admin.CreatedUser;
import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;
import org.chatalot.server.audit.AuditLog;
import org.chatalot.server.audit.AuditLog.AuditEntry;
import org.chatalot.server.auth.PasswordHasher;
import org.chatalot.server.auth.PasswordPolicy;
import org.chatalot.server.auth.Secrets;
import org.chatalot.server.auth.SetupCode;
import org.chatalot.server.common.Actor;
import org.chatalot.server.db.Ids;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Conflict;
import org.chatalot.server.error.Forbidden;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.NotFound;
import org.chatalot.server.user.User;
import org.chatalot.server.user.UserRepository;
import org.chatalot.server.user.UserRules;

/**
 * Listing and creating accounts for admins. The list is filtered in SQL and sorted in memory: instances
 * hold 2–200 people, and storage used comes from the files feature, so it cannot be an ORDER BY here.
 */
public final class UserAdminService {
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;
    static final int QUERY_MAX = 64;

    private final Sql sql;
    private final AdminUserRepository repository;
    private final UserRepository users;
    private final StorageUsage storage;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Secrets secrets;
    private final SetupCode setupCode;
    private final AuditLog audit;
    private final Ids ids;
    private final Clock clock;

    public UserAdminService(Sql sql, AdminUserRepository repository, UserRepository users, StorageUsage storage,
                            PasswordHasher hasher, PasswordPolicy policy, Secrets secrets, SetupCode setupCode,
                            AuditLog audit, Ids ids, Clock clock) {
        this.sql = sql;
        this.repository = repository;
        this.users = users;
        this.storage = storage;
        this.hasher = hasher;
        this.policy = policy;
        this.secrets = secrets;
        this.setupCode = setupCode;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    public AdminUserPage list(UserQuery query) {
        String text = query.q() == null || query.q().isBlank() ? null : query.q().strip();
        if (text != null && text.length() > QUERY_MAX) {
            throw new InvalidInput("q", "at most " + QUERY_MAX + " characters");
        }
        int offset = query.offset() == null ? 0 : query.offset();
        int limit = query.limit() == null ? DEFAULT_PAGE : query.limit();
        if (offset < 0) {
            throw new InvalidInput("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInput("limit", "must be 1-" + MAX_PAGE);
        }
        Comparator<AdminUser> order = UserSort.comparator(query.sort(), query.order());
        Map<UUID, StorageUsage.Usage> usage = storage.byUser();
        List<AdminUser> all = repository.find(text, parse("status", query.status(), UserStatus::fromWireName),
                        parse("role", query.role(), Role::fromWireName), clock.instant()).stream()
                .map(row -> view(row, usage.getOrDefault(row.user().id(), StorageUsage.Usage.NONE)))
                .sorted(order)
                .toList();
        List<AdminUser> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        return new AdminUserPage(page, all.size(), offset, limit);
    }

    public AdminUser get(UUID id) {
        AdminUserRepository.Row row = repository.byId(id, clock.instant())
                .orElseThrow(() -> new NotFound("no such user"));
        return view(row, storage.of(id));
    }

    /** An account made by an admin: with the given password, or a generated one returned once. */
    public CreatedUser create(Actor actor, CreateUserRequest request) {
        String username = UserRules.username(request.username());
        String displayName = UserRules.displayName(request.displayName(), username);
        String email = UserRules.email(request.email());
        Role role = allowedRole(actor, request.role());
        boolean generated = request.password() == null || request.password().isEmpty();
        String password = generated ? secrets.humanCode(4, 5) : request.password();
        if (!generated) {
            policy.check("password", password, username, email);
        }
        UUID id = ids.next();
        var user = new UserRepository.NewUser(id, username, displayName, email, hasher.hash(password), role, null);
        insert(user);
        if (role == Role.OWNER) {
            setupCode.consumed();
        }
        audit.record(AuditEntry.by(actor.userId(), actor.name(), "admin.user_created", actor.origin())
                .target("user", id, username)
                .details(Map.of("role", role.wireName(), "temporary_password", generated)));
        return new CreatedUser(get(id), generated ? password : null);
    }

    AdminUser view(AdminUserRepository.Row row, StorageUsage.Usage usage) {
        User u = row.user();
        return new AdminUser(u.id(), u.username(), u.displayName(), u.email(), u.role(), u.status(),
                u.statusReason(), u.totpEnabled(), u.createdAt(), u.lastSeenAt(), usage.bytes(), row.activeSessions(),
                row.lockedUntil());
    }

    /** Members by default; admins only by an owner; owners only by the operator on the box. */
    private static Role allowedRole(Actor actor, Role requested) {
        Role role = requested == null ? Role.MEMBER : requested;
        if (role == Role.OWNER && !actor.isLocal()) {
            throw new InvalidInput("role", "owners are made on the server itself (chatalot admin create-owner) "
                    + "or with the setup code");
        }
        if (role == Role.ADMIN && actor.role() != Role.OWNER) {
            throw new Forbidden("only an owner can create admins");
        }
        return role;
    }

    private void insert(UserRepository.NewUser user) {
        Instant now = clock.instant();
        try {
            sql.inTransaction(tx -> {
                users.insert(tx, user, now);
                return null;
            });
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e, "UQ_USER_USERNAME")) {
                throw new Conflict("username_taken", "username", "username: is already taken");
            }
            if (Sql.isUniqueViolation(e, "UQ_USER_EMAIL")) {
                throw new Conflict("email_taken", "email", "email: is already used by another account");
            }
            throw e;
        }
    }

    private static <T> T parse(String field, String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "unknown value \"" + value + "\"");
        }
    }

    /** What {@code GET /api/admin/users} was asked for; every part optional. */
    public record UserQuery(String q, String status, String role, String sort, String order, Integer offset,
                            Integer limit) {
    }
}
