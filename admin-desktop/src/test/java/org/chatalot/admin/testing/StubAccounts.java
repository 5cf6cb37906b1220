package org.chatalot.admin.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.AdminUserPage;
import org.chatalot.model.admin.CreatedUser;
import org.chatalot.model.auth.SessionInfo;
import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;

/**
 * The stub's accounts under {@code /api/admin/users}, routed and refused as the real server does (AdminUserApi,
 * AdminRules): the same methods and paths, the target confirmation, self-lockout, owner and admin protection,
 * and the 409s for actions that do not apply. Changes are audited with the server's action names.
 */
final class StubAccounts {
    static final Instant BASE = Instant.parse("2026-11-02T09:00:00Z");
    private static final Set<String> CONFIRMED = Set.of("POST suspend", "POST unsuspend", "DELETE ",
            "POST password-reset", "POST totp-reset", "DELETE sessions", "POST admin", "DELETE admin");
    private static final Set<String> SORTS = Set.of("username", "display_name", "email", "role", "status",
            "created_at", "last_seen_at", "storage_bytes", "totp_enabled", "active_sessions");

    private final List<AdminUser> users = new ArrayList<>();
    private final StubData data;

    StubAccounts(StubData data) {
        this.data = data;
        users.add(user("owner", "The Owner", Role.OWNER, UserStatus.ACTIVE, 0));
        users.add(user("alice", "Alice Martin", Role.ADMIN, UserStatus.ACTIVE, 1));
        users.add(user("bob", "Bob Chen", Role.MEMBER, UserStatus.ACTIVE, 2));
        users.add(user("carol", "Carol Diaz", Role.MEMBER, UserStatus.SUSPENDED, 3));
        String[] names = {"dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj", "olivia",
            "peggy", "rupert", "sybil", "trent", "uma", "victor", "walter", "xena", "yara", "zoe", "arthur",
            "beatrice", "cedric", "delia", "edgar", "fiona", "gus", "hana"};
        for (int i = 0; i < names.length; i++) {
            users.add(user(names[i], Character.toUpperCase(names[i].charAt(0)) + names[i].substring(1),
                    Role.MEMBER, UserStatus.ACTIVE, 4 + i));
        }
    }

    private static AdminUser user(String username, String display, Role role, UserStatus status, int n) {
        return new AdminUser(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)), username, display,
                username + "@example.com", role, status, status == UserStatus.SUSPENDED ? "Spam" : null, n % 4 == 1,
                BASE.plusSeconds(3600L * n), BASE.plusSeconds(86400L * 20 + 600L * n), 1_048_576L * (n * 7 % 50),
                n % 3, null);
    }

    List<AdminUser> all() {
        return List.copyOf(users);
    }

    Optional<AdminUser> byName(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** {@code parts} is the path after {@code /api/admin/users}, split at slashes. */
    StubData.Answer handle(AdminUser actor, String method, String[] parts, Map<String, String> params,
                           JsonNode body) {
        if (parts.length == 0) {
            return method.equals("POST") ? create(actor, body) : page(params);
        }
        int index = indexOf(UUID.fromString(parts[0]));
        if (index < 0) {
            return StubData.error(404, "not_found", null, "no such user");
        }
        String route = method + " " + (parts.length == 1 ? "" : String.join("/", List.of(parts).subList(1,
                parts.length)));
        if (route.equals("GET ")) {
            return new StubData.Answer(200, users.get(index));
        }
        if (route.equals("GET sessions")) {
            return new StubData.Answer(200, List.of(new SessionInfo(UUID.nameUUIDFromBytes(parts[0].getBytes(
                    StandardCharsets.UTF_8)), "Firefox on Linux", "198.51.100.7", BASE, BASE.plusSeconds(7200),
                    BASE.plusSeconds(86400 * 30), false)));
        }
        if (route.startsWith("DELETE sessions/")) {
            return signOut(actor, index, 1);
        }
        if (route.equals("POST unlock")) {
            return guarded(actor, users.get(index), "unlock", () -> change(actor, index, users.get(index),
                    "admin.user_unlocked"));
        }
        if (!CONFIRMED.contains(route)) {
            return StubData.error(404, "not_found", null, "no such resource: /api/admin/users/" + String.join("/",
                    parts));
        }
        StubData.Answer refused = confirmation(parts[0], body);
        return refused != null ? refused : act(actor, index, route, body.path("reason").asText(null));
    }

    private StubData.Answer act(AdminUser actor, int index, String route, String reason) {
        AdminUser target = users.get(index);
        return switch (route) {
            case "POST suspend" -> suspend(actor, index, reason);
            case "POST unsuspend" -> guarded(actor, target, "unsuspend", () -> target.status()
                    != UserStatus.SUSPENDED ? conflict("not_suspended", "this account is not suspended")
                    : change(actor, index, status(target, UserStatus.ACTIVE, null), "admin.user_unsuspended"));
            case "DELETE " -> delete(actor, index);
            case "POST password-reset" -> guarded(actor, target, "reset the password of",
                    () -> passwordReset(actor, index));
            case "POST totp-reset" -> guarded(actor, target, "reset two-factor authentication of",
                    () -> !target.totpEnabled() ? conflict("totp_not_enabled", "this account does not use two-factor "
                            + "authentication") : change(actor, index, totp(target), "admin.totp_reset"));
            case "DELETE sessions" -> guarded(actor, target, "sign out", () -> signOut(actor, index,
                    target.activeSessions()));
            case "POST admin", "DELETE admin" -> role(actor, index, route.startsWith("POST"));
            default -> throw new IllegalStateException("unrouted " + route);
        };
    }

    private StubData.Answer suspend(AdminUser actor, int index, String reason) {
        AdminUser target = users.get(index);
        StubData.Answer refused = notSelf(actor, target, "suspend");
        if (refused != null) {
            return refused;
        }
        return guarded(actor, target, "suspend", () -> target.status() == UserStatus.SUSPENDED
                ? conflict("already_suspended", "this account is already suspended")
                : change(actor, index, status(target, UserStatus.SUSPENDED, reason), "admin.user_suspended"));
    }

    private StubData.Answer delete(AdminUser actor, int index) {
        AdminUser target = users.get(index);
        StubData.Answer refused = notSelf(actor, target, "delete");
        return refused != null ? refused : guarded(actor, target, "delete", () -> {
            change(actor, index, status(target, UserStatus.DELETED, null), "admin.user_deleted");
            return new StubData.Answer(204, null);
        });
    }

    private StubData.Answer passwordReset(AdminUser actor, int index) {
        change(actor, index, sessions(users.get(index), 0), "admin.password_reset");
        return new StubData.Answer(200, new CreatedUser(users.get(index), "Temp-7Kq2-Xw9p"));
    }

    private StubData.Answer signOut(AdminUser actor, int index, int revoked) {
        AdminUser target = users.get(index);
        change(actor, index, sessions(target, Math.max(0, target.activeSessions() - revoked)),
                "admin.sessions_revoked");
        return new StubData.Answer(204, null);
    }

    private StubData.Answer role(AdminUser actor, int index, boolean grant) {
        AdminUser target = users.get(index);
        if (actor.role() != Role.OWNER) {
            return StubData.error(403, "forbidden", null, "only an owner can change who is an admin");
        }
        String action = grant ? "make an admin of" : "demote";
        StubData.Answer refused = notSelf(actor, target, action);
        return refused != null ? refused : guarded(actor, target, action, () -> {
            if (grant && target.role() != Role.MEMBER) {
                return conflict("already_admin", "this account already has the " + target.role().wireName()
                        + " role");
            }
            if (!grant && target.role() != Role.ADMIN) {
                return target.role() == Role.OWNER ? conflict("owner_role", "an owner's role is not changed here")
                        : conflict("not_admin", "this account is not an admin");
            }
            return change(actor, index, role(target, grant ? Role.ADMIN : Role.MEMBER),
                    grant ? "admin.role_granted" : "admin.role_revoked");
        });
    }

    /** AdminRules.requireCanManage, then the action's own answer. */
    private static StubData.Answer guarded(AdminUser actor, AdminUser target, String action,
                                           Supplier<StubData.Answer> otherwise) {
        if (target.status() == UserStatus.DELETED) {
            return conflict("user_deleted", "this account was deleted and cannot be changed");
        }
        if (target.role() == Role.OWNER && actor.role() != Role.OWNER) {
            return StubData.error(403, "owner_protected", null, "only an owner can " + action + " an owner");
        }
        if (target.role() == Role.ADMIN && actor.role() != Role.OWNER && !actor.id().equals(target.id())) {
            return StubData.error(403, "admin_protected", null, "only an owner can " + action + " another admin");
        }
        return otherwise.get();
    }

    private static StubData.Answer notSelf(AdminUser actor, AdminUser target, String action) {
        if (!actor.id().equals(target.id())) {
            return null;
        }
        return StubData.error(403, "self_lockout", null, "you cannot " + action + " your own account; ask another "
                + (target.role() == Role.OWNER ? "owner" : "admin"));
    }

    private static StubData.Answer confirmation(String id, JsonNode body) {
        String confirmed = body == null ? "" : body.path("confirm_user_id").asText("");
        if (confirmed.isEmpty()) {
            return StubData.error(400, "validation_failed", "confirm_user_id",
                    "confirm_user_id: required: repeat the id of the user this action is for");
        }
        if (!confirmed.equals(id)) {
            return StubData.error(400, "confirmation_mismatch", "confirm_user_id",
                    "confirm_user_id: does not match the user in the path; nothing was changed");
        }
        return null;
    }

    private StubData.Answer change(AdminUser actor, int index, AdminUser changed, String auditAction) {
        users.set(index, changed);
        data.audit(actor, auditAction, changed);
        return new StubData.Answer(200, changed);
    }

    private StubData.Answer create(AdminUser actor, JsonNode body) {
        String username = body.path("username").asText();
        if (byName(username).isPresent()) {
            return StubData.error(409, "username_taken", "username", "username: is already taken");
        }
        Role role = body.hasNonNull("role") ? Role.fromWireName(body.get("role").asText()) : Role.MEMBER;
        if (role == Role.ADMIN && actor.role() != Role.OWNER) {
            return StubData.error(403, "forbidden", null, "only an owner can create admins");
        }
        AdminUser created = user(username, body.path("display_name").asText(username), role, UserStatus.ACTIVE,
                users.size());
        users.add(created);
        data.audit(actor, "admin.user_created", created);
        return new StubData.Answer(201, new CreatedUser(created, body.hasNonNull("password") ? null
                : "Temp-3Fh8-Lp2m"));
    }

    private StubData.Answer page(Map<String, String> params) {
        String sort = params.getOrDefault("sort", "username");
        if (!SORTS.contains(sort)) {
            return StubData.error(400, "validation_failed", "sort", "sort: must be one of " + SORTS.stream().sorted()
                    .toList());
        }
        int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(params.getOrDefault("limit", "50"));
        if (limit < 1 || limit > 500) {
            return StubData.error(400, "validation_failed", "limit", "limit: must be 1-500");
        }
        Comparator<AdminUser> order = Comparator.comparing(sortKey(sort));
        if ("desc".equals(params.get("order"))) {
            order = order.reversed();
        }
        String q = params.getOrDefault("q", "").toLowerCase(Locale.ROOT);
        List<AdminUser> matching = users.stream()
                .filter(u -> (u.username() + " " + u.displayName() + " " + u.email()).toLowerCase(Locale.ROOT)
                        .contains(q))
                .filter(u -> !params.containsKey("status") || u.status().wireName().equals(params.get("status")))
                .filter(u -> !params.containsKey("role") || u.role().wireName().equals(params.get("role")))
                .sorted(order.thenComparing(AdminUser::id)).toList();
        return new StubData.Answer(200, new AdminUserPage(matching.subList(Math.min(offset, matching.size()),
                Math.min(offset + limit, matching.size())), matching.size(), offset, limit));
    }

    private static Function<AdminUser, String> sortKey(String column) {
        return switch (column) {
            case "email" -> u -> String.valueOf(u.email());
            case "role" -> u -> u.role().wireName();
            case "status" -> u -> u.status().wireName();
            case "last_seen_at" -> u -> String.valueOf(u.lastSeenAt());
            case "created_at" -> u -> u.createdAt().toString();
            case "display_name" -> AdminUser::displayName;
            case "storage_bytes" -> u -> String.format(Locale.ROOT, "%020d", u.storageBytes());
            default -> AdminUser::username;
        };
    }

    private int indexOf(UUID id) {
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static StubData.Answer conflict(String code, String message) {
        return StubData.error(409, code, null, message);
    }

    private static AdminUser status(AdminUser u, UserStatus status, String reason) {
        boolean gone = status == UserStatus.DELETED;
        return new AdminUser(u.id(), u.username(), u.displayName(), gone ? null : u.email(), u.role(), status,
                reason, !gone && u.totpEnabled(), u.createdAt(), u.lastSeenAt(), u.storageBytes(),
                status == UserStatus.ACTIVE ? u.activeSessions() : 0, u.lockedUntil());
    }

    private static AdminUser role(AdminUser u, Role role) {
        return new AdminUser(u.id(), u.username(), u.displayName(), u.email(), role, u.status(), u.statusReason(),
                u.totpEnabled(), u.createdAt(), u.lastSeenAt(), u.storageBytes(), u.activeSessions(),
                u.lockedUntil());
    }

    private static AdminUser totp(AdminUser u) {
        return new AdminUser(u.id(), u.username(), u.displayName(), u.email(), u.role(), u.status(), u.statusReason(),
                false, u.createdAt(), u.lastSeenAt(), u.storageBytes(), u.activeSessions(), u.lockedUntil());
    }

    private static AdminUser sessions(AdminUser u, int count) {
        return new AdminUser(u.id(), u.username(), u.displayName(), u.email(), u.role(), u.status(), u.statusReason(),
                u.totpEnabled(), u.createdAt(), u.lastSeenAt(), u.storageBytes(), count, u.lockedUntil());
    }
}
