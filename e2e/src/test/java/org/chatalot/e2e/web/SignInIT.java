package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.TargetConfirmation;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.BackupCodes;
import org.chatalot.model.auth.TotpCodeRequest;
import org.chatalot.model.auth.TotpSetup;
import org.chatalot.server.testing.TestUsers;

/**
 * Signing in as people do, and every refusal in the server's own words: the 2FA step with a code from the
 * authenticator (and with a backup code), a wrong password, a suspended account, and a reset with the
 * recovery code.
 */
class SignInIT {
    @RegisterExtension
    static final WebStack web = WebStack.create();

    @Test
    void twoStepSignInAsksForTheAuthenticatorCodeOrABackupCode() {
        AuthTokens user = web.users().register("tess");
        TotpSetup setup = web.users().expect(200, web.users().post(user.accessToken(),
                "/api/account/totp/setup", "{}"), TotpSetup.class);
        BackupCodes backup = web.users().expect(200, web.users().post(user.accessToken(),
                "/api/account/totp/verify", new TotpCodeRequest(code(setup, 0), null, null)), BackupCodes.class);

        Page page = web.browsers().desktop();
        signIn(page, "tess", TestUsers.PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Two-step verification")))
                .isVisible();
        page.getByLabel("Authentication code").fill("000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).not().isEmpty();
        page.getByLabel("Authentication code").fill(code(setup, 1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
        assertThat(new ChatPage(page).sidebar()).isVisible();

        Page other = web.browsers().desktop();
        signIn(other, "tess", TestUsers.PASSWORD);
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a backup code instead")).click();
        other.getByLabel("Backup code").fill(backup.backupCodes().getFirst());
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
        assertThat(new ChatPage(other).sidebar()).isVisible();
    }

    @Test
    void refusalsAreShownInTheServersWords() {
        web.users().register("sam");
        AuthTokens suspended = web.users().register("sus");
        web.users().expect(200, web.users().post(web.users().owner().accessToken(),
                "/api/admin/users/" + suspended.user().id() + "/suspend",
                new TargetConfirmation(suspended.user().id(), "posting spam")), Object.class);

        Page page = web.browsers().desktop();
        signIn(page, "sam", "not the password");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText(Pattern.compile("username or password",
                Pattern.CASE_INSENSITIVE));
        assertThat(page.getByLabel("Username")).hasValue("sam");

        signIn(page, "sus", TestUsers.PASSWORD);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("posting spam");
    }

    @Test
    void theRecoveryCodeSetsANewPasswordAndIsReplaced() {
        String recoveryCode = web.users().register("rita").recoveryCode();
        Page page = web.browsers().desktop();
        page.navigate(web.url("/sign-in"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("recovery code"))).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Reset your password")))
                .isVisible();
        page.getByLabel("Username").fill("rita");
        page.getByLabel("Recovery code").fill(recoveryCode);
        page.getByLabel("New password").fill("an entirely new passphrase");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset password")).click();
        assertThat(page.getByLabel("Recovery code")).not().hasText(recoveryCode);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("I saved it"))).click();
        assertThat(new ChatPage(page).sidebar()).isVisible();
        web.users().login("rita", "an entirely new passphrase");
    }

    private static void signIn(Page page, String username, String password) {
        page.navigate(web.url("/sign-in"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /** What an authenticator app shows now, or {@code offset} 30-second steps later. */
    private static String code(TotpSetup setup, int offset) {
        return TestUsers.totpCode(setup.secret(), offset);
    }

}
