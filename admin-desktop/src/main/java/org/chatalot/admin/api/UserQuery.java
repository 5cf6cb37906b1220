package org.chatalot.admin.api;

import java.util.Map;

/** The users table's request: search text, filters, sort column and direction, page. */
public record UserQuery(String text, String status, String role, String sort, boolean descending, int offset,
                        int limit) {

    public static UserQuery firstPage(int limit) {
        return new UserQuery("", null, null, "username", false, 0, limit);
    }

    String path() {
        Map<String, Object> params = Endpoints.params();
        params.put("q", text);
        params.put("status", status);
        params.put("role", role);
        params.put("sort", sort);
        params.put("order", descending ? "desc" : "asc");
        params.put("offset", offset);
        params.put("limit", limit);
        return Endpoints.query(Endpoints.USERS, params);
    }
}
