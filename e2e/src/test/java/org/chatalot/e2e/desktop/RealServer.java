package org.chatalot.e2e.desktop;

import java.net.http.HttpResponse;

import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.api.TokenListener;
import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.JdkSslContextFactory;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.LoginRequest;
import org.chatalot.model.auth.RefreshRequest;
import org.chatalot.model.auth.TotpCodeRequest;
import org.chatalot.model.auth.TotpSetup;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/**
 * The admin app's connection to a real {@link TestServer}, signed in, and what a member's own client would do
 * there (sign in, refresh, call the API), to check that an admin action really took effect.
 */
final class RealServer {
    private final TestServer server;

    RealServer(TestServer server) {
        this.server = server;
    }

    /** The admin app's connection, signed in as {@code username} (the owner exists first). */
    ServerConnection signIn(String username) throws Exception {
        server.users().owner();
        ServerConnection connection = ServerConnection.open(ConnectionProfile.of("real",
                server.server().baseUri().toString()), new JdkSslContextFactory(), TokenListener.NONE);
        connection.session().login(username, TestUsers.PASSWORD, null);
        return connection;
    }

    /** A member's sign-in as their own client makes it: the HTTP status and the error code when refused. */
    Answer login(String username, String password) {
        return answer(server.users().post(null, "/api/auth/login", LoginRequest.of(username, password)));
    }

    Answer refresh(AuthTokens tokens) {
        return answer(server.users().post(null, "/api/auth/refresh", new RefreshRequest(tokens.refreshToken())));
    }

    /** A call with the member's access token: 200 while their session lives. */
    Answer me(AuthTokens tokens) {
        return answer(server.users().get(tokens.accessToken(), "/api/account/me"));
    }

    Answer get(AuthTokens tokens, String path) {
        return answer(server.users().get(tokens.accessToken(), path));
    }

    /** Turns on 2FA for the member as their authenticator app would (a real RFC 6238 code). */
    void enableTotp(AuthTokens member) {
        TotpSetup setup = server.users().expect(200, server.users().post(member.accessToken(),
                "/api/account/totp/setup", "{}"), TotpSetup.class);
        String code = TestUsers.totpCode(setup.secret(), 0);
        server.users().expect(200, server.users().post(member.accessToken(), "/api/account/totp/verify",
                new TotpCodeRequest(code, null, null)), Object.class);
    }

    /** Status and, for an error, the server's {@code error.code} and message. */
    record Answer(int status, String code, String message) {
    }

    private Answer answer(HttpResponse<String> response) {
        if (response.statusCode() / 100 == 2) {
            return new Answer(response.statusCode(), null, null);
        }
        ErrorBody body = server.read(response, ErrorBody.class);
        return new Answer(response.statusCode(), body.error().code(), body.error().message());
    }

}
