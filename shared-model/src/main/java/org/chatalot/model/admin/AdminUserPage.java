package org.chatalot.model.admin;

import java.util.List;

/**
 * One page of {@code GET /api/admin/users?q=&status=&role=&sort=&order=&offset=&limit=}. {@code sort} is one
 * of username, display_name, email, role, status, created_at, last_seen_at, storage_bytes; {@code order}
 * asc or desc. {@code total} counts every match, for pagination controls.
 */
public record AdminUserPage(List<AdminUser> users, long total, int offset, int limit) {
}
