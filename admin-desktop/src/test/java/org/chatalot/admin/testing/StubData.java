package org.chatalot.admin.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.AuditEvent;
import org.chatalot.model.admin.AuditPage;
import org.chatalot.model.admin.BackupInfo;
import org.chatalot.model.admin.BackupScheduleView;
import org.chatalot.model.admin.InstanceSettingsView;
import org.chatalot.model.admin.InstanceStats;
import org.chatalot.model.admin.Invite;
import org.chatalot.model.admin.RequestDiagnostics;
import org.chatalot.model.auth.RegistrationMode;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.model.user.UserStatus;

/**
 * The stub's in-memory instance behind {@code /api/admin/*}: 32 users ({@link StubAccounts}), invites, the audit
 * log and its export, settings, statistics, request diagnostics and backups, with the real server's routes,
 * answers and refusals (docs/api.md, "Admin").
 */
public final class StubData {
    private static final Instant BASE = StubAccounts.BASE;
    /** The stub's MAX_FILE_SIZE_MB: the ceiling of the upload-size setting, as on the server. */
    static final int MAX_FILE_SIZE_MB = 100;

    private final StubAccounts accounts = new StubAccounts(this);
    private final List<Invite> invites = new ArrayList<>();
    private final List<AuditEvent> audit = new ArrayList<>();
    private BackupScheduleView schedule = new BackupScheduleView(false, "03:00", "UTC", 7, null,
            new BackupScheduleView.BackupRun(BASE.plusSeconds(86400 * 24), false, null, 0, 120, 0,
                    "not enough free space: the next backup needs about 47 MiB, 12 MiB are free"),
            new BackupScheduleView.BackupSpace(48_211_344, 1, 12L << 20, 48_211_344, false));
    private final List<BackupInfo> backups = new ArrayList<>();
    private InstanceSettingsView settings = new InstanceSettingsView(RegistrationMode.INVITE_ONLY, 100, 500, 90);

    /** What an endpoint answers: a record sent as JSON, raw bytes (downloads), or nothing (204). */
    public record Answer(int status, Object body, String contentType) {
        public Answer(int status, Object body) {
            this(status, body, "application/json");
        }
    }

    StubData() {
        AdminUser owner = accounts.all().get(0);
        invites.add(new Invite("KRE3-XRC2-OZSZ", 5, 2, BASE.plusSeconds(86400 * 30), owner.id(), BASE, null, true));
        invites.add(new Invite("PLM8-QQA1-TTRE", 1, 1, null, owner.id(), BASE, null, false));
        for (int i = 0; i < 12; i++) {
            AdminUser actor = accounts.all().get(i % 2);
            AdminUser target = accounts.all().get(2 + i % 5);
            audit.add(0, new AuditEvent(UUID.randomUUID(), BASE.plusSeconds(3600L * i), actor.id(), actor.username(),
                    i % 3 == 0 ? "auth.login" : "invite.created", "user", target.id().toString(), target.username(),
                    "203.0.113." + (10 + i), "chatalot-admin", Map.of()));
        }
        backups.add(new BackupInfo("chatalot-backup-20261126T030000Z.zip", 48_211_344, BASE.plusSeconds(86400 * 24),
                "9f2c1e0b7d4a5f6e8c3b2a1d0e9f8c7b6a5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f", false));
    }

    public Optional<AdminUser> user(String username) {
        return accounts.byName(username);
    }

    public synchronized List<AdminUser> users() {
        return accounts.all();
    }

    public synchronized List<AuditEvent> auditLog() {
        return List.copyOf(audit);
    }

    /** Without an actor: the owner, as most tests sign in. */
    public Answer handle(String method, String path, String query, JsonNode body) {
        return handle(accounts.all().get(0), method, path, query, body);
    }

    public synchronized Answer handle(AdminUser actor, String method, String path, String query, JsonNode body) {
        Map<String, String> params = params(query);
        String[] parts = path.substring("/api/admin/".length()).split("/");
        String[] rest = Arrays.copyOfRange(parts, 1, parts.length);
        return switch (parts[0]) {
            case "users" -> accounts.handle(actor, method, rest, params, body);
            case "invites" -> invites(actor, method, rest, body);
            case "audit" -> rest.length == 0 ? auditPage(params) : rest[0].equals("export") ? export(params)
                    : notFound(path);
            case "settings" -> method.equals("PUT") ? saveSettings(actor, body) : new Answer(200, settings);
            case "stats" -> new Answer(200, stats());
            case "diagnostics" -> new Answer(200, new RequestDiagnostics("127.0.0.1", true, "127.0.0.1", "http",
                    "127.0.0.1", Map.of(), null));
            case "backups" -> backups(actor, method, rest, body);
            default -> notFound(path);
        };
    }

    void audit(AdminUser actor, String action, AdminUser target) {
        audit.add(0, new AuditEvent(UUID.randomUUID(), Instant.now(), actor.id(), actor.username(), action, "user",
                target.id().toString(), target.username(), "127.0.0.1", "chatalot-admin", Map.of()));
    }

    private Answer invites(AdminUser actor, String method, String[] rest, JsonNode body) {
        if (method.equals("POST")) {
            Integer max = body.hasNonNull("max_uses") ? body.get("max_uses").asInt() : null;
            if (max != null && (max < 1 || max > 10_000)) {
                return error(400, "validation_failed", "max_uses", "max_uses: must be 1-10000 (or left out for "
                        + "unlimited)");
            }
            Invite invite = new Invite("NEW" + invites.size() + "-ABCD-EFGH", max, 0, null, actor.id(),
                    Instant.now(), null, true);
            invites.add(0, invite);
            return new Answer(201, invite);
        }
        if (rest.length == 0) {
            return new Answer(200, invites);
        }
        Optional<Invite> found = invites.stream().filter(i -> i.code().equals(rest[0])).findFirst();
        if (found.isEmpty()) {
            return error(404, "not_found", null, "no such invite");
        }
        if (method.equals("DELETE")) {
            Invite i = found.get();
            invites.set(invites.indexOf(i), new Invite(i.code(), i.maxUses(), i.uses(), i.expiresAt(), i.createdBy(),
                    i.createdAt(), Instant.now(), false));
            return new Answer(204, null);
        }
        return new Answer(200, found.get());
    }

    private Answer auditPage(Map<String, String> params) {
        int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
        List<AuditEvent> matching = filtered(params);
        int start = 0;
        if (params.containsKey("before")) {
            UUID before = UUID.fromString(params.get("before"));
            start = matching.stream().map(AuditEvent::id).toList().indexOf(before) + 1;
        }
        List<AuditEvent> slice = matching.subList(start, Math.min(start + limit, matching.size()));
        UUID next = start + limit < matching.size() ? slice.get(slice.size() - 1).id() : null;
        return new Answer(200, new AuditPage(slice, next));
    }

    /** The server's export: every matching entry, CSV with its header line or a JSON array. */
    private Answer export(Map<String, String> params) {
        String format = params.getOrDefault("format", "csv");
        List<AuditEvent> matching = filtered(params);
        if (format.equals("json")) {
            return new Answer(200, matching);
        }
        if (!format.equals("csv")) {
            return error(400, "validation_failed", "format", "format: must be csv or json");
        }
        StringBuilder csv = new StringBuilder("id,at,actor_id,actor_name,action,target_type,target_id,target_name,"
                + "ip,user_agent,details\n");
        for (AuditEvent e : matching) {
            csv.append(String.join(",", e.id().toString(), e.at().toString(), String.valueOf(e.actorId()),
                    e.actorName(), e.action(), e.targetType(), e.targetId(), e.targetName(), e.ip(), e.userAgent(),
                    "{}")).append('\n');
        }
        return new Answer(200, csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8");
    }

    private List<AuditEvent> filtered(Map<String, String> params) {
        return audit.stream().filter(e -> !params.containsKey("action") || e.action().equals(params.get("action")))
                .filter(e -> !params.containsKey("actor_id") || String.valueOf(e.actorId())
                        .equals(params.get("actor_id")))
                .filter(e -> !params.containsKey("actor") || e.actorName().equalsIgnoreCase(params.get("actor")))
                .toList();
    }

    private Answer saveSettings(AdminUser actor, JsonNode body) {
        if (body.hasNonNull("max_file_size_mb") && (body.get("max_file_size_mb").asInt() < 1
                || body.get("max_file_size_mb").asInt() > MAX_FILE_SIZE_MB)) {
            return error(400, "validation_failed", "max_file_size_mb", "max_file_size_mb: must be 1-"
                    + MAX_FILE_SIZE_MB + " (MAX_FILE_SIZE_MB, which also sized the proxy's body limit)");
        }
        settings = new InstanceSettingsView(body.hasNonNull("registration_mode")
                ? RegistrationMode.fromWireName(body.get("registration_mode").asText()).orElseThrow()
                : settings.registrationMode(), intOr(body, "max_file_size_mb", settings.maxFileSizeMb()),
                intOr(body, "upload_quota_mb", settings.uploadQuotaMb()),
                intOr(body, "audit_retention_days", settings.auditRetentionDays()));
        audit(actor, "admin.settings_changed", actor);
        return new Answer(200, settings);
    }

    private InstanceStats stats() {
        List<AdminUser> all = accounts.all();
        long suspended = all.stream().filter(u -> u.status() == UserStatus.SUSPENDED).count();
        long active = all.stream().filter(u -> u.status() == UserStatus.ACTIVE).count();
        List<InstanceStats.DayCount> days = new ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            days.add(new InstanceStats.DayCount(LocalDate.of(2026, 11, 27).minusDays(i), 40L + i % 7 * 13));
        }
        return new InstanceStats(all.size(), active, suspended, 5, 7, 9, 12_480, days, 311, 1_208_000_000L,
                List.of(new InstanceStats.UserStorage(all.get(2).id(), all.get(2).username(), 40, 310_000_000L)),
                days.stream().map(day -> new InstanceStats.DayCount(day.day(), 3 + day.count() % 5)).toList());
    }

    private Answer backups(AdminUser actor, String method, String[] rest, JsonNode body) {
        if (rest.length == 1 && rest[0].equals("schedule")) {
            if (method.equals("PUT")) {
                if (body.hasNonNull("keep") && body.get("keep").asInt() < 1) {
                    return error(400, "validation_failed", "keep", "keep: must be 1-365");
                }
                schedule = new BackupScheduleView(body.hasNonNull("enabled") ? body.get("enabled").asBoolean()
                        : schedule.enabled(), body.path("time_of_day").asText(schedule.timeOfDay()),
                        body.path("time_zone").asText(schedule.timeZone()), intOr(body, "keep", schedule.keep()),
                        Instant.parse("2026-11-28T03:00:00Z"), schedule.lastRun(), schedule.space());
            }
            return new Answer(200, schedule);
        }
        if (method.equals("POST")) {
            BackupInfo backup = new BackupInfo("chatalot-backup-new-" + backups.size() + ".zip", 1024, Instant.now(),
                    "00".repeat(32), false);
            backups.add(0, backup);
            return new Answer(201, backup);
        }
        if (rest.length == 0) {
            return new Answer(200, backups);
        }
        Optional<BackupInfo> found = backups.stream().filter(b -> b.name().equals(rest[0])).findFirst();
        if (found.isEmpty()) {
            return error(404, "not_found", null, "no such backup: " + rest[0]);
        }
        if (method.equals("DELETE")) {
            backups.remove(found.get());
            return new Answer(204, null);
        }
        if (actor.role() != org.chatalot.model.user.Role.OWNER) {
            return error(403, "forbidden", null, "this needs the owner role");
        }
        return new Answer(200, ("PK zip of " + rest[0]).getBytes(StandardCharsets.UTF_8), "application/zip");
    }

    private static Integer intOr(JsonNode body, String field, Integer fallback) {
        return body.hasNonNull(field) ? Integer.valueOf(body.get(field).asInt()) : fallback;
    }

    private static Answer notFound(String path) {
        return error(404, "not_found", null, "no such resource: " + path);
    }

    /** The server's error body: {@code {"error":{"code","message","field"?}}}. */
    static Answer error(int status, String code, String field, String message) {
        return new Answer(status, new ErrorBody(new ErrorBody.ErrorDetail(code, message, field, null)));
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
