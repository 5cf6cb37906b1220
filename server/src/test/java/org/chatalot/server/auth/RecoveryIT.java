package org.chatalot.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.LoginRequest;
import org.chatalot.model.auth.PasswordConfirmation;
import org.chatalot.model.auth.RecoverRequest;
import org.chatalot.model.auth.RecoveryCode;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

class RecoveryIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void recoveryCodeResetsThePasswordSignsEverythingOutAndIsReplaced() {
        AuthTokens registered = server.users().register("forgot");
        AuthTokens otherDevice = server.users().login("forgot", TestUsers.PASSWORD);

        AuthTokens recovered = server.users().expect(200, server.users().post(null, "/api/auth/recover",
                new RecoverRequest("forgot", registered.recoveryCode().toLowerCase().replace("-", " "),
                        "my brand new passphrase")), AuthTokens.class);

        assertThat(recovered.recoveryCode()).isNotBlank().isNotEqualTo(registered.recoveryCode());
        assertThat(server.users().get(registered.accessToken(), "/api/account/me").statusCode()).isEqualTo(401);
        assertThat(server.users().get(otherDevice.accessToken(), "/api/account/me").statusCode()).isEqualTo(401);
        assertThat(server.users().get(recovered.accessToken(), "/api/account/me").statusCode()).isEqualTo(200);
        assertThat(login("forgot", TestUsers.PASSWORD)).isEqualTo(401);
        assertThat(login("forgot", "my brand new passphrase")).isEqualTo(200);
        var reuse = server.users().post(null, "/api/auth/recover",
                new RecoverRequest("forgot", registered.recoveryCode(), "yet another passphrase"));
        assertThat(reuse.statusCode()).as("the old code is spent").isEqualTo(401);
    }

    @Test
    void newPasswordMustFollowThePolicy() {
        AuthTokens registered = server.users().register("weakling");

        var response = server.users().post(null, "/api/auth/recover",
                new RecoverRequest("weakling", registered.recoveryCode(), "short"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(server.read(response, ErrorBody.class).error().field()).isEqualTo("new_password");
    }

    @Test
    void aSignedInUserCanReplaceTheirRecoveryCode() {
        AuthTokens user = server.users().register("careful");

        RecoveryCode fresh = server.users().expect(200, server.users().post(user.accessToken(),
                "/api/account/recovery-code", new PasswordConfirmation(TestUsers.PASSWORD)), RecoveryCode.class);

        assertThat(server.users().post(null, "/api/auth/recover", new RecoverRequest("careful",
                user.recoveryCode(), "another new passphrase")).statusCode()).isEqualTo(401);
        assertThat(server.users().post(null, "/api/auth/recover", new RecoverRequest("careful",
                fresh.recoveryCode(), "another new passphrase")).statusCode()).isEqualTo(200);
    }

    private static int login(String username, String password) {
        return server.users().post(null, "/api/auth/login", LoginRequest.of(username, password)).statusCode();
    }
}
