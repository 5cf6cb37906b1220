package org.chatalot.admin.api;

import java.time.Clock;
import java.time.Duration;

import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.SslContextFactory;

/**
 * Everything that talks to one server, built from its profile: transport, session, admin API, health probe. The
 * profile can change its trust during a session (a changed pinned certificate the admin approved), so it is read
 * from the transport each time.
 */
public final class ServerConnection {
    /** Per-request time limit: long enough for a slow server, short enough that a dead one is noticed. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpTransport transport;
    private final AuthSession session;
    private final AdminApi api;
    private final HealthProbe health;

    private ServerConnection(HttpTransport transport, AuthSession session, AdminApi api, HealthProbe health) {
        this.transport = transport;
        this.session = session;
        this.api = api;
        this.health = health;
    }

    public static ServerConnection open(ConnectionProfile profile, SslContextFactory ssl, TokenListener listener) {
        JsonCodec json = new JsonCodec();
        HttpTransport transport = new HttpTransport(profile, ssl, REQUEST_TIMEOUT);
        AuthSession session = new AuthSession(transport, json, Clock.systemUTC(), listener);
        return new ServerConnection(transport, session, new AdminApi(session, json), new HealthProbe(transport, json));
    }

    public ConnectionProfile profile() {
        return transport.profile();
    }

    public AuthSession session() {
        return session;
    }

    public AdminApi api() {
        return api;
    }

    public HealthProbe health() {
        return health;
    }

    /** Carries on with the same session under the trust the admin approved. */
    public void retrust(ConnectionProfile approved) {
        transport.retrust(approved);
    }
}
