package org.chatalot.admin.doctor;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.chatalot.admin.connection.TrustMode;

/**
 * What to check and with what: the public URL and how to trust it; an access token (a user's lets the WebSocket
 * checks sign in, an admin's also unlocks the forwarded-header and {@code PUBLIC_URL} checks); the plain-HTTP port
 * that should redirect; the upload size the proxy must accept (empty: ask the server); how long the idle WebSocket
 * is held; and the time limit of each network step.
 */
public record CheckRequest(URI url, TrustMode trust, Optional<String> accessToken, int httpPort,
                           Optional<Integer> maxFileSizeMb, Duration idle, Duration timeout) {

    /** Past nginx's default 60 s read timeout, which is what the idle check is there to catch. */
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(75);

    public static CheckRequest of(URI url, TrustMode trust) {
        return new CheckRequest(url, trust, Optional.empty(), 80, Optional.empty(), DEFAULT_IDLE,
                Duration.ofSeconds(10));
    }

    public CheckRequest withAccessToken(String token) {
        return new CheckRequest(url, trust, Optional.ofNullable(token), httpPort, maxFileSizeMb, idle, timeout);
    }

    public CheckRequest withHttpPort(int port) {
        return new CheckRequest(url, trust, accessToken, port, maxFileSizeMb, idle, timeout);
    }

    public CheckRequest withMaxFileSizeMb(Integer megabytes) {
        return new CheckRequest(url, trust, accessToken, httpPort, Optional.ofNullable(megabytes), idle, timeout);
    }

    public CheckRequest withIdle(Duration hold) {
        return new CheckRequest(url, trust, accessToken, httpPort, maxFileSizeMb, hold, timeout);
    }

    public CheckRequest withTimeout(Duration limit) {
        return new CheckRequest(url, trust, accessToken, httpPort, maxFileSizeMb, idle, limit);
    }
}
