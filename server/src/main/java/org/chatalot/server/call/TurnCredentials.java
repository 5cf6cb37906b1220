package org.chatalot.server.call;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-limited TURN credentials in coturn's {@code use-auth-secret} scheme (the "TURN REST API" draft):
 * the username is {@code <expiry unix seconds>:<user id>} and the password is
 * {@code base64(HMAC-SHA1(secret, username))}. coturn recomputes the HMAC with the same secret and refuses
 * the credentials after the expiry, so nothing has to be stored and no password is ever static.
 */
public final class TurnCredentials {
    private static final String HMAC_SHA1 = "HmacSHA1";

    private final byte[] secret;

    public TurnCredentials(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public record Minted(String username, String credential, Instant expiresAt) {
    }

    public Minted mint(UUID userId, Instant expiresAt) {
        String username = expiresAt.getEpochSecond() + ":" + userId;
        return new Minted(username, hmacBase64(username), expiresAt);
    }

    private String hmacBase64(String username) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(new SecretKeySpec(secret, HMAC_SHA1));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
