package org.chatalot.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.AuditPage;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.RefreshRequest;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

class RefreshTokenIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void refreshRotatesTheToken() {
        AuthTokens first = server.users().register("rotator");

        AuthTokens second = refresh(first.refreshToken());
        AuthTokens third = refresh(second.refreshToken());

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(third.sessionId()).isEqualTo(first.sessionId());
        assertThat(server.users().get(third.accessToken(), "/api/account/me").statusCode()).isEqualTo(200);
    }

    @Test
    void reusingARotatedTokenSignsOutTheWholeSessionAndIsAudited() {
        AuthTokens victim = server.users().register("victim");
        AuthTokens rotated = refresh(victim.refreshToken());

        HttpResponse<String> replay = server.users().post(null, "/api/auth/refresh",
                new RefreshRequest(victim.refreshToken()));

        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(server.read(replay, ErrorBody.class).error().code()).isEqualTo("refresh_token_reused");
        var afterwards = server.users().post(null, "/api/auth/refresh", new RefreshRequest(rotated.refreshToken()));
        assertThat(afterwards.statusCode()).as("the newest token of the family is dead too").isEqualTo(401);
        assertThat(server.users().get(rotated.accessToken(), "/api/account/me").statusCode())
                .as("and so are its access tokens").isEqualTo(401);
        AuditPage audit = server.users().expect(200, server.users().get(server.users().owner().accessToken(),
                "/api/admin/audit?action=auth.refresh_reuse&actor_id=" + victim.user().id()), AuditPage.class);
        assertThat(audit.entries()).singleElement()
                .satisfies(entry -> assertThat(entry.targetId()).isEqualTo(victim.sessionId().toString()));
    }

    @Test
    void otherSessionsOfTheUserSurviveAReplay() {
        server.users().register("twodevices");
        AuthTokens laptop = server.users().login("twodevices", TestUsers.PASSWORD);
        AuthTokens phone = server.users().login("twodevices", TestUsers.PASSWORD);
        refresh(laptop.refreshToken());

        server.users().post(null, "/api/auth/refresh", new RefreshRequest(laptop.refreshToken()));

        assertThat(refresh(phone.refreshToken()).sessionId()).isEqualTo(phone.sessionId());
    }

    @Test
    void logoutWithBearerOrWithRefreshTokenEndsTheSession() {
        AuthTokens a = server.users().register("leaver");
        AuthTokens b = server.users().login("leaver", TestUsers.PASSWORD);

        assertThat(server.users().post(a.accessToken(), "/api/auth/logout", "{}").statusCode()).isEqualTo(204);
        assertThat(server.users().post(null, "/api/auth/logout", new RefreshRequest(b.refreshToken())).statusCode())
                .isEqualTo(204);

        assertThat(server.users().get(a.accessToken(), "/api/account/me").statusCode()).isEqualTo(401);
        assertThat(server.users().get(b.accessToken(), "/api/account/me").statusCode()).isEqualTo(401);
        assertThat(server.users().post(null, "/api/auth/refresh", new RefreshRequest(b.refreshToken())).statusCode())
                .isEqualTo(401);
    }

    @Test
    void logoutWithAnAccessTokenNoLongerValidFallsBackToTheRefreshToken() {
        AuthTokens session = server.users().register("idle-leaver");

        var withoutRefresh = server.users().post("expired-or-garbled", "/api/auth/logout", "{}");
        var withRefresh = server.users().post("expired-or-garbled", "/api/auth/logout",
                new RefreshRequest(session.refreshToken()));
        var neither = server.users().post(null, "/api/auth/logout", "{}");

        assertThat(withoutRefresh.statusCode()).isEqualTo(401);
        assertThat(withRefresh.statusCode()).isEqualTo(204);
        assertThat(server.users().post(null, "/api/auth/refresh", new RefreshRequest(session.refreshToken()))
                .statusCode()).isEqualTo(401);
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(server.read(neither, ErrorBody.class).error().field()).isEqualTo("refresh_token");
    }

    @Test
    void unknownOrMissingRefreshTokenIsRejected() {
        assertThat(server.users().post(null, "/api/auth/refresh", new RefreshRequest("made-up")).statusCode())
                .isEqualTo(401);
        var missing = server.users().post(null, "/api/auth/refresh", "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(server.read(missing, ErrorBody.class).error().field()).isEqualTo("refresh_token");
    }

    private static AuthTokens refresh(String token) {
        return server.users().expect(200, server.users().post(null, "/api/auth/refresh", new RefreshRequest(token)),
                AuthTokens.class);
    }
}
