package org.chatalot.server.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The coturn use-auth-secret scheme, checked against a vector computed outside Java. */
class TurnCredentialsTest {

    @Test
    void matchesAVectorComputedWithOpenssl() {
        // printf '%s' "1767225600:0190f5a2-7c3b-7d4e-8f10-123456789abc" \
        //   | openssl dgst -sha1 -hmac "north-wind-turn-secret" -binary | base64
        var minted = new TurnCredentials("north-wind-turn-secret")
                .mint(UUID.fromString("0190f5a2-7c3b-7d4e-8f10-123456789abc"), Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(minted.username()).isEqualTo("1767225600:0190f5a2-7c3b-7d4e-8f10-123456789abc");
        assertThat(minted.credential()).isEqualTo("BwpZdK3f+Z1ZtmdXLb0pEm9UWMA=");
        assertThat(minted.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_767_225_600L));
    }

    @Test
    void differentUsersSecretsOrExpiriesGetDifferentPasswords() {
        UUID user = UUID.fromString("0190f5a2-7c3b-7d4e-8f10-123456789abc");
        Instant expiry = Instant.parse("2026-01-01T00:00:00Z");
        String base = new TurnCredentials("s1").mint(user, expiry).credential();

        assertThat(new TurnCredentials("s2").mint(user, expiry).credential()).isNotEqualTo(base);
        assertThat(new TurnCredentials("s1").mint(UUID.randomUUID(), expiry).credential()).isNotEqualTo(base);
        assertThat(new TurnCredentials("s1").mint(user, expiry.plusSeconds(1)).credential()).isNotEqualTo(base);
    }
}
