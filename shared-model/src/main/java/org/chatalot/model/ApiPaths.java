package org.chatalot.model;

/** Paths the server exposes and its clients (admin app, doctor, web client) call. */
public final class ApiPaths {
    public static final String API = "/api";
    public static final String HEALTH = "/api/health";
    public static final String HEALTH_LIVE = "/api/health/live";
    public static final String HEALTH_READY = "/api/health/ready";
    public static final String AUTH = "/api/auth";
    public static final String ACCOUNT = "/api/account";
    public static final String USERS = "/api/users";
    public static final String ADMIN = "/api/admin";
    public static final String CHANNELS = "/api/channels";
    public static final String MESSAGES = "/api/messages";
    public static final String DMS = "/api/dms";
    public static final String BLOCKS = "/api/blocks";
    public static final String FILES = "/api/files";
    public static final String CALLS = "/api/calls";
    public static final String SEARCH = "/api/search";
    public static final String WEBSOCKET = "/ws";

    /** Loopback listener paths (never on the public port). */
    public static final String LOCAL_METRICS = "/metrics";
    public static final String LOCAL_HEALTH = "/health";
    /** The local admin commands ({@code chatalot admin …}); they need the token in {@code DATA_DIR}. */
    public static final String LOCAL_ADMIN = "/admin";

    /** Response header carrying the id the server logged the request under. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /**
     * Request header by which the browser client asks for cookie mode on {@code /api/auth/*} (value
     * {@link #WEB_CLIENT}): the refresh token then travels in the {@link #REFRESH_COOKIE} cookie only, never in
     * a JSON body. A cross-site page cannot send this header without a CORS preflight the server never grants.
     */
    public static final String CLIENT_HEADER = "X-Chatalot-Client";
    public static final String WEB_CLIENT = "web";
    /** HttpOnly, SameSite=Strict cookie holding a browser's refresh token, scoped to {@link #AUTH}. */
    public static final String REFRESH_COOKIE = "chatalot_refresh";

    private ApiPaths() {
    }
}
