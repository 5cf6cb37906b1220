package org.chatalot.admin.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.AdminUserPage;
import org.chatalot.model.admin.AuditEvent;
import org.chatalot.model.admin.AuditPage;
import org.chatalot.model.admin.BackupInfo;
import org.chatalot.model.admin.CreatedUser;
import org.chatalot.model.admin.InstanceSettingsView;
import org.chatalot.model.admin.Invite;
import org.chatalot.model.auth.RegistrationMode;
import org.chatalot.model.auth.SessionInfo;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;

/** The stub's in-memory instance: 32 users, invites, audit entries, settings and backups, with the API's rules. */
public final class StubData {
    private static final Instant BASE = Instant.parse("2026-11-02T09:00:00Z");

    private final List<AdminUser> users = new ArrayList<>();
    private final List<Invite> invites = new ArrayList<>();
    private final List<AuditEvent> audit = new ArrayList<>();
    private final List<BackupInfo> backups = new ArrayList<>();
    private InstanceSettingsView settings = new InstanceSettingsView(RegistrationMode.INVITE_ONLY, 100, 500, 90);

    /** What an endpoint answers. */
    public record Answer(int status, Object body) {
    }

    StubData() {
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
        invites.add(new Invite("KRE3-XRC2-OZSZ", 5, 2, BASE.plusSeconds(86400 * 30), users.get(0).id(), BASE, null,
                true));
        invites.add(new Invite("PLM8-QQA1-TTRE", 1, 1, null, users.get(0).id(), BASE, null, false));
        for (int i = 0; i < 12; i++) {
            audit.add(new AuditEvent(UUID.randomUUID(), BASE.plusSeconds(3600L * (12 - i)), users.get(i % 2).id(),
                    users.get(i % 2).username(), i % 3 == 0 ? "auth.login" : "admin.invite.create", "user",
                    users.get(2 + i % 5).id().toString(), users.get(2 + i % 5).username(), "203.0.113." + (10 + i),
                    "chatalot-admin", Map.of()));
        }
        backups.add(new BackupInfo("chatalot-2026-11-26T0300.zip", 48_211_344, BASE.plusSeconds(86400 * 24),
                "9f2c1e0b7d4a5f6e8c3b2a1d0e9f8c7b6a5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f"));
    }

    private static AdminUser user(String username, String display, Role role, UserStatus status, int n) {
        return new AdminUser(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)), username, display,
                username + "@example.com", role, status, status == UserStatus.SUSPENDED ? "Spam" : null, n % 4 == 1,
                BASE.plusSeconds(3600L * n), BASE.plusSeconds(86400L * 20 + 600L * n), 1_048_576L * (n * 7 % 50),
                n % 3);
    }

    public Optional<AdminUser> user(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    public synchronized Answer handle(String method, String path, String query, JsonNode body) {
        Map<String, String> params = params(query);
        String[] parts = path.substring("/api/admin/".length()).split("/");
        return switch (parts[0]) {
            case "users" -> users(method, parts, params, body);
            case "invites" -> invites(method, parts, body);
            case "audit" -> parts.length == 1 ? auditPage(params) : error(404, "not_found", "no export here");
            case "settings" -> method.equals("PUT") ? saveSettings(body) : new Answer(200, settings);
            case "backups" -> backups(method, parts);
            default -> error(404, "not_found", "no such admin path");
        };
    }

    private Answer users(String method, String[] parts, Map<String, String> params, JsonNode body) {
        if (parts.length == 1) {
            return method.equals("POST") ? create(body) : new Answer(200, page(params));
        }
        int index = indexOf(UUID.fromString(parts[1]));
        if (index < 0) {
            return error(404, "not_found", "no such user");
        }
        if (parts.length == 3 && parts[2].equals("sessions")) {
            return new Answer(200, List.of(new SessionInfo(UUID.randomUUID(), "Firefox on Linux", "198.51.100.7",
                    BASE, BASE.plusSeconds(7200), BASE.plusSeconds(86400 * 30), false)));
        }
        if (!parts[1].equals(body == null ? "" : body.path("confirm_user_id").asText())) {
            return error(400, "validation_failed", "confirm_user_id must repeat the user's id");
        }
        return act(index, method.equals("DELETE") ? "delete" : parts[2], body.path("reason").asText(null));
    }

    private Answer act(int index, String action, String reason) {
        AdminUser u = users.get(index);
        if (u.role() == Role.OWNER && !action.equals("reset-password") && !action.equals("revoke-sessions")) {
            return error(403, "forbidden", "The owner's account cannot be changed by an admin action.");
        }
        Function<UserStatus, AdminUser> status = s -> new AdminUser(u.id(), u.username(), u.displayName(), u.email(),
                u.role(), s, s == UserStatus.SUSPENDED ? reason : null, u.totpEnabled(), u.createdAt(), u.lastSeenAt(),
                u.storageBytes(), 0);
        Function<Role, AdminUser> role = r -> new AdminUser(u.id(), u.username(), u.displayName(), u.email(), r,
                u.status(), u.statusReason(), u.totpEnabled(), u.createdAt(), u.lastSeenAt(), u.storageBytes(),
                u.activeSessions());
        switch (action) {
            case "suspend" -> users.set(index, status.apply(UserStatus.SUSPENDED));
            case "unsuspend" -> users.set(index, status.apply(UserStatus.ACTIVE));
            case "delete" -> users.set(index, status.apply(UserStatus.DELETED));
            case "grant-admin" -> users.set(index, role.apply(Role.ADMIN));
            case "revoke-admin" -> users.set(index, role.apply(Role.MEMBER));
            case "reset-password" -> {
                return new Answer(200, new CreatedUser(u, "Temp-7Kq2-Xw9p"));
            }
            default -> {
                // reset-2fa, revoke-sessions: nothing visible in the table changes
            }
        }
        return new Answer(action.equals("delete") ? 204 : 200, action.equals("delete") ? null : users.get(index));
    }

    private Answer create(JsonNode body) {
        String username = body.path("username").asText();
        if (user(username).isPresent()) {
            return error(409, "username_taken", "The username " + username + " is taken.");
        }
        AdminUser created = user(username, body.path("display_name").asText(username), Role.MEMBER,
                UserStatus.ACTIVE, users.size());
        users.add(created);
        return new Answer(201, new CreatedUser(created, body.hasNonNull("password") ? null : "Temp-3Fh8-Lp2m"));
    }

    private AdminUserPage page(Map<String, String> params) {
        String q = params.getOrDefault("q", "").toLowerCase(Locale.ROOT);
        Comparator<AdminUser> order = Comparator.comparing(sortKey(params.getOrDefault("sort", "username")));
        if ("desc".equals(params.get("order"))) {
            order = order.reversed();
        }
        List<AdminUser> matching = users.stream()
                .filter(u -> (u.username() + " " + u.displayName() + " " + u.email()).toLowerCase(Locale.ROOT)
                        .contains(q))
                .filter(u -> !params.containsKey("status") || u.status().wireName().equals(params.get("status")))
                .filter(u -> !params.containsKey("role") || u.role().wireName().equals(params.get("role")))
                .sorted(order).toList();
        int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(params.getOrDefault("limit", "50"));
        return new AdminUserPage(matching.subList(Math.min(offset, matching.size()),
                Math.min(offset + limit, matching.size())), matching.size(), offset, limit);
    }

    private static Function<AdminUser, String> sortKey(String column) {
        return switch (column) {
            case "email" -> AdminUser::email;
            case "role" -> u -> u.role().wireName();
            case "status" -> u -> u.status().wireName();
            case "last_seen_at" -> u -> u.lastSeenAt().toString();
            case "created_at" -> u -> u.createdAt().toString();
            case "display_name" -> AdminUser::displayName;
            default -> AdminUser::username;
        };
    }

    private Answer invites(String method, String[] parts, JsonNode body) {
        if (method.equals("POST")) {
            Integer max = body.hasNonNull("max_uses") ? body.get("max_uses").asInt() : null;
            Invite invite = new Invite("NEW" + invites.size() + "-ABCD-EFGH", max, 0, null, users.get(0).id(),
                    Instant.now(), null, true);
            invites.add(0, invite);
            return new Answer(201, invite);
        }
        if (method.equals("DELETE")) {
            invites.replaceAll(i -> i.code().equals(parts[1]) ? new Invite(i.code(), i.maxUses(), i.uses(),
                    i.expiresAt(), i.createdBy(), i.createdAt(), Instant.now(), false) : i);
            return new Answer(204, null);
        }
        return new Answer(200, invites);
    }

    private Answer auditPage(Map<String, String> params) {
        int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
        List<AuditEvent> matching = audit.stream()
                .filter(e -> !params.containsKey("action") || e.action().equals(params.get("action"))).toList();
        int start = 0;
        if (params.containsKey("before")) {
            UUID before = UUID.fromString(params.get("before"));
            start = matching.stream().map(AuditEvent::id).toList().indexOf(before) + 1;
        }
        List<AuditEvent> slice = matching.subList(start, Math.min(start + limit, matching.size()));
        UUID next = start + limit < matching.size() ? slice.get(slice.size() - 1).id() : null;
        return new Answer(200, new AuditPage(slice, next));
    }

    private Answer saveSettings(JsonNode body) {
        if (body.hasNonNull("max_file_size_mb") && body.get("max_file_size_mb").asInt() > 10_000) {
            return error(400, "validation_failed", "max_file_size_mb: at most 10000");
        }
        settings = new InstanceSettingsView(body.hasNonNull("registration_mode")
                ? RegistrationMode.fromWireName(body.get("registration_mode").asText()).orElseThrow()
                : settings.registrationMode(), intOr(body, "max_file_size_mb", settings.maxFileSizeMb()),
                intOr(body, "upload_quota_mb", settings.uploadQuotaMb()),
                intOr(body, "audit_retention_days", settings.auditRetentionDays()));
        return new Answer(200, settings);
    }

    private Answer backups(String method, String[] parts) {
        if (method.equals("POST")) {
            BackupInfo backup = new BackupInfo("chatalot-new-" + backups.size() + ".zip", 1024, Instant.now(),
                    "00".repeat(32));
            backups.add(0, backup);
            return new Answer(201, backup);
        }
        if (parts.length == 2) {
            return new Answer(200, Map.of("archive", parts[1]));
        }
        return new Answer(200, backups);
    }

    public synchronized List<AdminUser> users() {
        return List.copyOf(users);
    }

    private int indexOf(UUID id) {
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static Integer intOr(JsonNode body, String field, Integer fallback) {
        return body.hasNonNull(field) ? Integer.valueOf(body.get(field).asInt()) : fallback;
    }

    private static Answer error(int status, String code, String message) {
        return new Answer(status, ErrorBody.of(code, message));
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }
}
