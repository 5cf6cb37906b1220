package org.chatalot.admin.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.chatalot.model.ApiPaths;

/**
 * Every server path the admin app calls, in one place, as the server routes them (docs/api.md, "Admin"). Query
 * strings are built with {@link #query}.
 */
public final class Endpoints {
    public static final String HEALTH = ApiPaths.HEALTH;
    public static final String LOGIN = ApiPaths.AUTH + "/login";
    public static final String REFRESH = ApiPaths.AUTH + "/refresh";
    public static final String LOGOUT = ApiPaths.AUTH + "/logout";
    public static final String AUTH_CONFIG = ApiPaths.AUTH + "/config";
    public static final String REGISTER = ApiPaths.AUTH + "/register";

    public static final String USERS = ApiPaths.ADMIN + "/users";
    public static final String INVITES = ApiPaths.ADMIN + "/invites";
    public static final String AUDIT = ApiPaths.ADMIN + "/audit";
    public static final String AUDIT_EXPORT = ApiPaths.ADMIN + "/audit/export";
    public static final String SETTINGS = ApiPaths.ADMIN + "/settings";
    public static final String STATS = ApiPaths.ADMIN + "/stats";
    public static final String ADMIN_HEALTH = ApiPaths.ADMIN + "/health";
    public static final String REQUEST_DIAGNOSTICS = ApiPaths.ADMIN + "/diagnostics/request";
    public static final String BACKUPS = ApiPaths.ADMIN + "/backups";
    public static final String BACKUP_SCHEDULE = BACKUPS + "/schedule";
    public static final String CHANNELS = ApiPaths.ADMIN + "/channels";

    private Endpoints() {
    }

    /** {@code /api/admin/users/{id}/suspend}, {@code …/password-reset}, …: see {@link UserAction}. */
    public static String userAction(UUID id, UserAction action) {
        return user(id) + action.path();
    }

    public static String user(UUID id) {
        return USERS + "/" + id;
    }

    public static String userSessions(UUID id) {
        return user(id) + "/sessions";
    }

    public static String userSession(UUID id, UUID sessionId) {
        return userSessions(id) + "/" + sessionId;
    }

    public static String invite(String code) {
        return INVITES + "/" + encode(code);
    }

    public static String channel(UUID id) {
        return CHANNELS + "/" + id;
    }

    public static String backup(String name) {
        return BACKUPS + "/" + encode(name);
    }

    /** {@code path?k=v&…}, leaving out null and blank values. */
    public static String query(String path, Map<String, ?> parameters) {
        StringBuilder out = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, ?> entry : parameters.entrySet()) {
            Object value = entry.getValue();
            if (value == null || value.toString().isBlank()) {
                continue;
            }
            out.append(separator).append(encode(entry.getKey())).append('=').append(encode(value.toString()));
            separator = '&';
        }
        return out.toString();
    }

    public static Map<String, Object> params() {
        return new LinkedHashMap<>();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
