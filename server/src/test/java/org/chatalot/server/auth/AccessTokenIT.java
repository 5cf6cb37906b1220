package org.chatalot.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.server.testing.TestServer;

/** Tokens an attacker might try, signed with the server's real key where that makes the attack sharper. */
class AccessTokenIT {
    @RegisterExtension
    static TestServer server = TestServer.create();
    private static AuthTokens member;
    private static PrivateKey serverKey;

    @BeforeAll
    static void setUp() throws Exception {
        member = server.users().register("tokenuser");
        String pem = Files.readString(server.dataDir().resolve("keys/jwt-ed25519-private.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        serverKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    @Test
    void issuedTokenCarriesTheDocumentedClaims() throws Exception {
        String[] parts = member.accessToken().split("\\.");
        var header = server.json().readTree(Base64.getUrlDecoder().decode(parts[0]));
        var claims = server.json().readTree(Base64.getUrlDecoder().decode(parts[1]));

        assertThat(header.get("alg").asText()).isEqualTo("EdDSA");
        assertThat(claims.get("sub").asText()).isEqualTo(member.user().id().toString());
        assertThat(claims.get("aud").get(0).asText()).isEqualTo("chatalot");
        assertThat(claims.get("username").asText()).isEqualTo("tokenuser");
        assertThat(claims.get("role").asText()).isEqualTo("member");
        assertThat(claims.get("sid").asText()).isEqualTo(member.sessionId().toString());
        assertThat(claims.get("jti").asText()).isNotBlank();
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
    }

    @Test
    void validTokenIsAccepted() {
        assertThat(status(member.accessToken())).isEqualTo(200);
    }

    @Test
    void expiredTokenIsRejectedButLeewayIsSixtySeconds() {
        assertThat(status(signed(Instant.now().minusSeconds(30), "chatalot"))).isEqualTo(200);

        String expired = signed(Instant.now().minusSeconds(120), "chatalot");
        assertThat(status(expired)).isEqualTo(401);
        assertThat(code(expired)).isEqualTo("token_expired");
    }

    @Test
    void tamperedPayloadIsRejected() {
        String[] parts = member.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"member\"", "\"owner\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(status(forged)).isEqualTo(401);
        assertThat(code(forged)).isEqualTo("invalid_token");
    }

    @Test
    void wrongAudienceIsRejected() {
        assertThat(status(signed(Instant.now().plusSeconds(600), "some-other-service"))).isEqualTo(401);
    }

    @Test
    void algNoneIsRejected() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String[] parts = member.accessToken().split("\\.");

        assertThat(status(header + "." + parts[1] + ".")).isEqualTo(401);
    }

    @Test
    void hs256SignedWithThePublicKeyIsRejected() throws Exception {
        byte[] publicPem = Files.readAllBytes(server.dataDir().resolve("keys/jwt-ed25519-public.pem"));
        String forged = Jwts.builder().issuer("chatalot").subject(member.user().id().toString())
                .audience().add("chatalot").and().claim("sid", member.sessionId().toString())
                .claim("role", "owner").expiration(Date.from(Instant.now().plusSeconds(600)))
                .signWith(Keys.hmacShaKeyFor(padded(publicPem)), Jwts.SIG.HS256).compact();

        assertThat(status(forged)).isEqualTo(401);
    }

    @Test
    void tokenOfAnotherSessionOwnerOrUnknownUserIsRejected() {
        String unknownUser = Jwts.builder().issuer("chatalot").subject(UUID.randomUUID().toString())
                .audience().add("chatalot").and().claim("sid", member.sessionId().toString())
                .expiration(Date.from(Instant.now().plusSeconds(600))).signWith(serverKey, Jwts.SIG.EdDSA).compact();

        assertThat(status(unknownUser)).isEqualTo(401);
    }

    @Test
    void garbageAndMalformedHeadersAreRejectedCleanly() {
        assertThat(status("not.a.jwt")).isEqualTo(401);
        var noScheme = server.send(server.request("/api/account/me").header("Authorization", "Token abc").build());
        assertThat(noScheme.statusCode()).isEqualTo(401);
        assertThat(server.get("/api/account/me").statusCode()).isEqualTo(401);
    }

    private static String signed(Instant expiry, String audience) {
        return Jwts.builder().issuer("chatalot").subject(member.user().id().toString())
                .audience().add(audience).and().claim("username", "tokenuser").claim("role", "member")
                .claim("sid", member.sessionId().toString()).id(UUID.randomUUID().toString())
                .issuedAt(Date.from(expiry.minusSeconds(900))).expiration(Date.from(expiry))
                .signWith(serverKey, Jwts.SIG.EdDSA).compact();
    }

    private static int status(String token) {
        return server.users().get(token, "/api/account/me").statusCode();
    }

    private static String code(String token) {
        return server.read(server.users().get(token, "/api/account/me"), ErrorBody.class).error().code();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] padded(byte[] key) {
        byte[] out = new byte[Math.max(32, key.length)];
        System.arraycopy(key, 0, out, 0, key.length);
        return out;
    }
}
