package org.chatalot.server.admin;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.user.Role;
import org.chatalot.server.error.InvalidInput;

/** The sort orders of the admin user list; unknown keys are an error that lists the known ones. */
final class UserSort {
    private static final Map<String, Comparator<AdminUser>> KEYS = Map.of(
            "username", text(AdminUser::username),
            "display_name", text(AdminUser::displayName),
            "email", text(AdminUser::email),
            "role", Comparator.comparingInt(u -> rank(u.role())),
            "status", Comparator.comparing(u -> u.status().wireName()),
            "created_at", Comparator.comparing(AdminUser::createdAt),
            "last_seen_at", Comparator.comparing(AdminUser::lastSeenAt,
                    Comparator.nullsFirst(Comparator.<Instant>naturalOrder())),
            "storage_bytes", Comparator.comparingLong(AdminUser::storageBytes),
            "totp_enabled", Comparator.comparing(AdminUser::totpEnabled),
            "active_sessions", Comparator.comparingInt(AdminUser::activeSessions));

    private UserSort() {
    }

    /** Ties are broken by id (creation order), so pages do not shuffle between requests. */
    static Comparator<AdminUser> comparator(String sort, String order) {
        String key = sort == null || sort.isBlank() ? "username" : sort.strip().toLowerCase(Locale.ROOT);
        Comparator<AdminUser> base = KEYS.get(key);
        if (base == null) {
            throw new InvalidInput("sort", "must be one of " + KEYS.keySet().stream().sorted().toList());
        }
        String direction = order == null || order.isBlank() ? "asc" : order.strip().toLowerCase(Locale.ROOT);
        Comparator<AdminUser> ordered = switch (direction) {
            case "asc" -> base;
            case "desc" -> base.reversed();
            default -> throw new InvalidInput("order", "must be asc or desc");
        };
        return ordered.thenComparing(AdminUser::id);
    }

    private static Comparator<AdminUser> text(Function<AdminUser, String> field) {
        return Comparator.comparing(u -> field.apply(u) == null ? null : field.apply(u).toLowerCase(Locale.ROOT),
                Comparator.nullsLast(Comparator.<String>naturalOrder()));
    }

    private static int rank(Role role) {
        return role == Role.OWNER ? 3 : role == Role.ADMIN ? 2 : 1;
    }
}
