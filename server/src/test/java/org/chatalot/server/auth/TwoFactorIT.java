package org.chatalot.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.BackupCodes;
import org.chatalot.model.auth.LoginRequest;
import org.chatalot.model.auth.Me;
import org.chatalot.model.auth.TotpCodeRequest;
import org.chatalot.model.auth.TotpSetup;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

class TwoFactorIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void setupVerifyAndLoginWithACodeThatCannotBeReplayed() {
        AuthTokens user = server.users().register("twofa");
        TotpSetup setup = setup(user);
        assertThat(setup.otpauthUrl()).startsWith("otpauth://totp/Chatalot:twofa?secret=" + setup.secret())
                .contains("issuer=Chatalot").contains("digits=6").contains("period=30");
        assertThat(server.users().post(user.accessToken(), "/api/account/totp/verify",
                new TotpCodeRequest("000000", null, null)).statusCode()).isEqualTo(400);

        BackupCodes codes = enable(user, setup, -1);

        assertThat(codes.backupCodes()).hasSize(8).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[A-Z2-7]{5}-[A-Z2-7]{5}"));
        assertThat(server.users().expect(200, server.users().get(user.accessToken(), "/api/account/me"), Me.class)
                .totpEnabled()).isTrue();
        HttpResponse<String> noCode = login("twofa", null, null);
        assertThat(noCode.statusCode()).isEqualTo(401);
        assertThat(server.read(noCode, ErrorBody.class).error().code()).isEqualTo("totp_required");
        String code = code(setup, 0);
        assertThat(login("twofa", code, null).statusCode()).isEqualTo(200);
        assertThat(login("twofa", code, null).statusCode()).as("same code again").isEqualTo(401);
    }

    @Test
    void backupCodesWorkOnceEach() {
        AuthTokens user = server.users().register("backup");
        BackupCodes codes = enable(user, setup(user), 0);

        assertThat(login("backup", null, codes.backupCodes().get(3).toLowerCase()).statusCode()).isEqualTo(200);
        assertThat(login("backup", null, codes.backupCodes().get(3)).statusCode()).isEqualTo(401);
        assertThat(login("backup", null, codes.backupCodes().get(4)).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongCodesCountTowardsLockout() {
        AuthTokens user = server.users().register("guessed");
        enable(user, setup(user), 0);

        HttpResponse<String> last = null;
        for (int i = 0; i < 10; i++) {
            last = login("guessed", String.format("%06d", i), null);
        }

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(server.read(last, ErrorBody.class).error().code()).isEqualTo("account_locked");
    }

    @Test
    void disablingNeedsThePasswordAndACode() {
        AuthTokens user = server.users().register("disabler");
        TotpSetup setup = setup(user);
        BackupCodes codes = enable(user, setup, 0);

        var noPassword = server.users().post(user.accessToken(), "/api/account/totp/disable",
                new TotpCodeRequest(null, codes.backupCodes().getFirst(), "wrong password!!"));
        var ok = server.users().post(user.accessToken(), "/api/account/totp/disable",
                new TotpCodeRequest(null, codes.backupCodes().getFirst(), TestUsers.PASSWORD));

        assertThat(noPassword.statusCode()).isEqualTo(403);
        assertThat(server.read(noPassword, ErrorBody.class).error().code()).isEqualTo("wrong_password");
        assertThat(ok.statusCode()).isEqualTo(204);
        assertThat(login("disabler", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void backupCodesCanBeRegenerated() {
        AuthTokens user = server.users().register("regen");
        TotpSetup setup = setup(user);
        BackupCodes old = enable(user, setup, 0);

        BackupCodes fresh = server.users().expect(200, server.users().post(user.accessToken(),
                "/api/account/totp/backup-codes", new TotpCodeRequest(null, old.backupCodes().get(1),
                        TestUsers.PASSWORD)), BackupCodes.class);

        assertThat(fresh.backupCodes()).hasSize(8).doesNotContainAnyElementsOf(old.backupCodes());
        assertThat(login("regen", null, old.backupCodes().get(2)).statusCode()).isEqualTo(401);
        assertThat(login("regen", null, fresh.backupCodes().get(2)).statusCode()).isEqualTo(200);
    }

    private static TotpSetup setup(AuthTokens user) {
        return server.users().expect(200, server.users().post(user.accessToken(), "/api/account/totp/setup", "{}"),
                TotpSetup.class);
    }

    private static BackupCodes enable(AuthTokens user, TotpSetup setup, int stepOffset) {
        return server.users().expect(200, server.users().post(user.accessToken(), "/api/account/totp/verify",
                new TotpCodeRequest(code(setup, stepOffset), null, null)), BackupCodes.class);
    }

    /** What an authenticator app would show now (plus an offset in 30 s steps). */
    static String code(TotpSetup setup, int stepOffset) {
        return Totp.code(Base32.decode(setup.secret()), Totp.step(Instant.now()) + stepOffset, 6);
    }

    private static HttpResponse<String> login(String username, String code, String backup) {
        return server.users().post(null, "/api/auth/login",
                new LoginRequest(username, TestUsers.PASSWORD, code, backup));
    }

    /** RFC 4648 base32 decoding, written independently of the server's encoder. */
    static final class Base32 {
        static byte[] decode(String text) {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int buffer = 0;
            int bits = 0;
            for (char c : text.toCharArray()) {
                buffer = (buffer << 5) | alphabet.indexOf(c);
                bits += 5;
                if (bits >= 8) {
                    out.write((buffer >> (bits - 8)) & 0xFF);
                    bits -= 8;
                }
            }
            return out.toByteArray();
        }
    }
}
