package org.chatalot.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.model.user.Role;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

class RegistrationModesIT {

    @Nested
    class Closed {
        @RegisterExtension
        static TestServer server = TestServer.create().with("REGISTRATION_MODE", "closed");

        @Test
        void refusesEveryoneButTheSetupCodeStillMakesTheOwner() throws Exception {
            var refused = server.users().post(null, "/api/auth/register",
                    new RegisterRequest("walkin", null, null, TestUsers.PASSWORD, null, null));
            String code = Files.readString(server.dataDir().resolve("setup-code")).strip().toLowerCase();

            var owner = server.users().expect(201, server.users().post(null, "/api/auth/register",
                    new RegisterRequest("boss", null, null, TestUsers.PASSWORD, null, code)), AuthTokens.class);

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(server.read(refused, ErrorBody.class).error().code()).isEqualTo("registration_closed");
            assertThat(owner.user().role()).isEqualTo(Role.OWNER);
        }
    }

    @Nested
    class Open {
        @RegisterExtension
        static TestServer server = TestServer.create().with("REGISTRATION_MODE", "open");

        @Test
        void anyoneMayRegisterAsAMember() {
            AuthTokens tokens = server.users().expect(201, server.users().post(null, "/api/auth/register",
                    new RegisterRequest("walkin", "Walk In", "walk@example.com", TestUsers.PASSWORD, null, null)),
                    AuthTokens.class);

            assertThat(tokens.user().role()).isEqualTo(Role.MEMBER);
            assertThat(tokens.user().email()).isEqualTo("walk@example.com");
        }
    }
}
