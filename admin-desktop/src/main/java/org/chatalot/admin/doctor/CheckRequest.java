package org.chatalot.admin.doctor;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.chatalot.admin.connection.TrustMode;

/** What to check: the public URL, how to trust it, an optional admin token (unlocks more checks), time limit. */
public record CheckRequest(URI url, TrustMode trust, Optional<String> accessToken, Duration timeout) {

    public static CheckRequest of(URI url, TrustMode trust) {
        return new CheckRequest(url, trust, Optional.empty(), Duration.ofSeconds(10));
    }

    public CheckRequest withAccessToken(String token) {
        return new CheckRequest(url, trust, Optional.ofNullable(token), timeout);
    }
}
