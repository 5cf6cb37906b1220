package org.chatalot.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.AuditPage;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.LoginRequest;
import org.chatalot.model.auth.Me;
import org.chatalot.model.auth.RecoverRequest;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.server.testing.ErrorAssertions;
import org.chatalot.server.testing.LogCapture;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

class LoginIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void loginReturnsTokensThatWork() {
        server.users().register("lena");

        AuthTokens tokens = server.users().login("LENA", TestUsers.PASSWORD);
        Me me = server.users().expect(200, server.users().get(tokens.accessToken(), "/api/account/me"), Me.class);

        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.expiresIn()).isEqualTo(900);
        assertThat(tokens.refreshExpiresIn()).isEqualTo(30L * 24 * 3600);
        assertThat(tokens.recoveryCode()).isNull();
        assertThat(me.username()).isEqualTo("lena");
    }

    @Test
    void aUsernameThatGrowsWhenLowerCasedIsRefusedNotAFailure() {
        // 200 characters, but "İ" lower-cases to two: 400 after normalising, past the 254 the throttle stores.
        HttpResponse<String> response = login("\u0130".repeat(200), "whatever it is");

        ErrorBody body = ErrorAssertions.assertError(server, response, 400, "validation_failed", "too long");
        assertThat(body.error().field()).isEqualTo("username");
    }

    @Test
    void aFailedLoginWithALongUsernameIsAuditedAndLogsNothing() throws Exception {
        String name = "x".repeat(120);
        try (LogCapture log = LogCapture.start()) {
            assertThat(login(name, "not the right password").statusCode()).isEqualTo(401);

            assertThat(log.problems()).isEmpty();
        }
        AuditPage page = server.users().expect(200, server.users().get(server.users().owner().accessToken(),
                "/api/admin/audit?action=auth.login_failed&target_id=" + "x".repeat(64)), AuditPage.class);
        assertThat(page.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.targetName()).startsWith("xxxx").hasSizeLessThanOrEqualTo(100);
            assertThat(entry.details()).containsEntry("reason", "unknown_user");
        });
    }

    @Test
    void unknownUserAndWrongPasswordLookTheSame() {
        server.users().register("known");

        HttpResponse<String> wrongPassword = login("known", "not the right password");
        HttpResponse<String> unknownUser = login("unknown-user", "not the right password");

        assertThat(wrongPassword.statusCode()).isEqualTo(401).isEqualTo(unknownUser.statusCode());
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body())
                .isEqualTo("{\"error\":{\"code\":\"invalid_credentials\","
                        + "\"message\":\"invalid username or password\"}}");
    }

    @Test
    void recoverDoesNotRevealWhichUsernamesExist() {
        server.users().register("recoverable");
        var wrongCode = server.users().post(null, "/api/auth/recover",
                new RecoverRequest("recoverable", "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", "brand new password 1"));
        var unknown = server.users().post(null, "/api/auth/recover",
                new RecoverRequest("no-such-user", "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", "brand new password 1"));

        assertThat(wrongCode.statusCode()).isEqualTo(401).isEqualTo(unknown.statusCode());
        assertThat(wrongCode.body()).isEqualTo(unknown.body()).contains("invalid username or recovery code");
    }

    @Test
    void tenFailuresLockTheUsernameAndTheLockSurvivesARestart() {
        server.users().register("target");
        for (int i = 1; i <= 9; i++) {
            assertThat(login("target", "wrong password " + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> tenth = login("target", "wrong password 10");
        HttpResponse<String> correctButLocked = login("target", TestUsers.PASSWORD);
        server.restart();
        HttpResponse<String> afterRestart = login("target", TestUsers.PASSWORD);

        for (HttpResponse<String> locked : new HttpResponse[] {tenth, correctButLocked, afterRestart}) {
            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(server.read(locked, ErrorBody.class).error().code()).isEqualTo("account_locked");
            assertThat(locked.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow())
                    .isBetween(800L, 900L);
        }
    }

    @Test
    void unknownUsernamesLockExactlyLikeRealOnes() {
        server.users().register("realname");
        HttpResponse<String> real = null;
        HttpResponse<String> ghost = null;
        for (int i = 0; i < 10; i++) {
            real = login("realname", "nope nope nope " + i);
            ghost = login("ghostname", "nope nope nope " + i);
        }

        assertThat(real.statusCode()).isEqualTo(429).isEqualTo(ghost.statusCode());
        assertThat(real.body()).isEqualTo(ghost.body());
    }

    @Test
    void successClearsEarlierFailures() {
        server.users().register("forgetful");
        for (int i = 0; i < 9; i++) {
            login("forgetful", "wrong wrong wrong");
        }
        server.users().login("forgetful", TestUsers.PASSWORD);

        for (int i = 0; i < 9; i++) {
            assertThat(login("forgetful", "wrong wrong wrong").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void missingFieldsAreNamed() {
        var response = server.users().post(null, "/api/auth/login", "{\"password\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(server.read(response, ErrorBody.class).error().field()).isEqualTo("username");
    }

    private static HttpResponse<String> login(String username, String password) {
        return server.users().post(null, "/api/auth/login", LoginRequest.of(username, password));
    }
}
