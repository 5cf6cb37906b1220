package org.chatalot.server.auth;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.jackson.io.JacksonDeserializer;

import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;
import org.chatalot.server.common.Principal;
import org.chatalot.server.common.TokenVerifier;
import org.chatalot.server.error.Unauthorized;
import org.chatalot.server.http.Json;

/**
 * Ed25519-signed JWT access tokens: 15 minutes, audience {@code chatalot}, claims {@code sub},
 * {@code username}, {@code role}, {@code sid} (session) and {@code jti}; 60 s clock leeway. Verification
 * also asks the account-state cache whether the user is still active and the session still signed in, and
 * takes the role from there, so suspension, logout and demotion apply to the very next request.
 */
public final class AccessTokens implements TokenVerifier {
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    static final String AUDIENCE = "chatalot";
    static final String ISSUER = "chatalot";
    private static final long LEEWAY_SECONDS = 60;

    private final KeyPair keys;
    private final Clock clock;
    private final AccountStates states;
    private final JwtParser parser;

    public AccessTokens(KeyPair keys, Clock clock, AccountStates states) {
        this.keys = keys;
        this.clock = clock;
        this.states = states;
        // Built once; its JSON reader takes buffers from a shared pool instead of keeping a set per thread
        // (each WebSocket's reader is a virtual thread that authenticates once and then lives for hours).
        var claimsJson = JsonMapper.builder(Json.pooledFactory())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.parser = Jwts.parser()
                .json(new JacksonDeserializer<>(claimsJson))
                .verifyWith(keys.getPublic())
                .requireIssuer(ISSUER)
                .requireAudience(AUDIENCE)
                .clockSkewSeconds(LEEWAY_SECONDS)
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    public String issue(UUID userId, String username, Role role, UUID sessionId) {
        Instant now = clock.instant();
        return Jwts.builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .audience().add(AUDIENCE).and()
                .claim("username", username)
                .claim("role", role.wireName())
                .claim("sid", sessionId.toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(LIFETIME)))
                .signWith(keys.getPrivate(), Jwts.SIG.EdDSA)
                .compact();
    }

    @Override
    public Principal verify(String accessToken) {
        Claims claims = parse(accessToken);
        UUID userId;
        UUID sessionId;
        try {
            userId = UUID.fromString(claims.getSubject());
            sessionId = UUID.fromString(claims.get("sid", String.class));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Unauthorized("invalid_token", "the access token is not one this server issued");
        }
        return current(userId, sessionId);
    }

    @Override
    public Principal current(UUID userId, UUID sessionId) {
        AccountStates.UserState user = states.user(userId)
                .filter(state -> state.status() == UserStatus.ACTIVE)
                .orElseThrow(() -> new Unauthorized("account_disabled", "this account can no longer sign in"));
        states.session(sessionId)
                .filter(session -> !session.revoked() && session.userId().equals(userId))
                .orElseThrow(() -> new Unauthorized("session_revoked", "this session was signed out; sign in again"));
        return new Principal(userId, user.username(), user.role(), sessionId);
    }

    private Claims parse(String token) {
        try {
            return parser.parseSignedClaims(token).getPayload();
        } catch (io.jsonwebtoken.ExpiredJwtException e) {
            throw new Unauthorized("token_expired", "the access token has expired; refresh it");
        } catch (JwtException | IllegalArgumentException e) {
            throw new Unauthorized("invalid_token", "the access token is not valid");
        }
    }
}
