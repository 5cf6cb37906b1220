package org.chatalot.admin.api;

import java.time.Clock;
import java.time.Duration;

import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.SslContextFactory;

/** Everything that talks to one server, built from its profile: transport, session, admin API, health probe. */
public record ServerConnection(ConnectionProfile profile, AuthSession session, AdminApi api, HealthProbe health) {

    /** Per-request time limit: long enough for a slow server, short enough that a dead one is noticed. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public static ServerConnection open(ConnectionProfile profile, SslContextFactory ssl, TokenListener listener) {
        JsonCodec json = new JsonCodec();
        HttpTransport transport = new HttpTransport(profile, ssl, REQUEST_TIMEOUT);
        AuthSession session = new AuthSession(transport, json, Clock.systemUTC(), listener);
        return new ServerConnection(profile, session, new AdminApi(session, json), new HealthProbe(transport, json));
    }
}
