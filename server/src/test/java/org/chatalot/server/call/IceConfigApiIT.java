package org.chatalot.server.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.call.IceConfig;
import org.chatalot.model.call.IceServer;
import org.chatalot.server.testing.TestServer;

/** {@code GET /api/calls/ice} through the real server, with and without TURN configured. */
class IceConfigApiIT {
    private static final String SECRET = "a-long-shared-secret-with-coturn";

    @RegisterExtension
    static TestServer withTurn = TestServer.create()
            .with("ICE_SERVERS", "[{\"urls\":[\"stun:stun.example.test:3478\"]}]")
            .with("TURN_SECRET", SECRET)
            .with("TURN_URLS", "turn:turn.example.test:3478?transport=udp,turns:turn.example.test:5349")
            .with("TURN_TTL_SECONDS", "600");

    @RegisterExtension
    static TestServer stunOnly = TestServer.create()
            .with("ICE_SERVERS", "[{\"urls\":[\"stun:stun.example.test:3478\"]}]");

    @Test
    void eachUserGetsTurnCredentialsThatCoturnWouldRecompute() throws Exception {
        AuthTokens user = withTurn.users().register("ice.user");
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> response = withTurn.users().get(user.accessToken(), "/api/calls/ice");
        IceConfig config = withTurn.users().expect(200, response, IceConfig.class);

        assertThat(config.iceServers()).hasSize(2);
        assertThat(config.iceServers().get(0).urls()).containsExactly("stun:stun.example.test:3478");
        assertThat(config.iceServers().get(0).credential()).isNull();
        IceServer turn = config.iceServers().get(1);
        assertThat(turn.urls()).containsExactly("turn:turn.example.test:3478?transport=udp",
                "turns:turn.example.test:5349");
        String[] parts = turn.username().split(":");
        assertThat(parts[1]).isEqualTo(user.user().id().toString());
        assertThat(Long.parseLong(parts[0])).as("expiry = now + TURN_TTL_SECONDS").isBetween(now + 595, now + 605);
        assertThat(config.expiresAt()).isEqualTo(Instant.ofEpochSecond(Long.parseLong(parts[0])));
        assertThat(turn.credential()).isEqualTo(hmacSha1Base64(SECRET, turn.username()));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void credentialsAreForSignedInUsersOnlyAndNeverStatic() {
        AuthTokens other = withTurn.users().register("ice.other");
        IceConfig forOther = withTurn.users().expect(200,
                withTurn.users().get(other.accessToken(), "/api/calls/ice"), IceConfig.class);
        IceConfig forOwner = withTurn.users().expect(200,
                withTurn.users().get(withTurn.users().owner().accessToken(), "/api/calls/ice"), IceConfig.class);

        assertThat(withTurn.get("/api/calls/ice").statusCode()).isEqualTo(401);
        assertThat(forOther.iceServers().get(1).credential()).isNotEqualTo(forOwner.iceServers().get(1).credential());
        assertThat(withTurn.get("/api/auth/config").body()).as("the public config carries no TURN password")
                .doesNotContain("credential").doesNotContain("turn:");
    }

    @Test
    void withoutTurnSecretOnlyTheConfiguredServersAreServed() {
        AuthTokens user = stunOnly.users().register("stun.user");
        IceConfig config = stunOnly.users().expect(200, stunOnly.users().get(user.accessToken(), "/api/calls/ice"),
                IceConfig.class);

        assertThat(config.iceServers()).singleElement().satisfies(server -> {
            assertThat(server.urls()).containsExactly("stun:stun.example.test:3478");
            assertThat(server.username()).isNull();
        });
        assertThat(config.expiresAt()).isNull();
    }

    /** Computed here with the JDK directly, the way coturn checks it, not through the server's class. */
    private static String hmacSha1Base64(String secret, String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }
}
