package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.server.testing.TestUsers;

/**
 * Securing your own account from the browser: two-step verification turned on from the settings page with a
 * code computed from the key the page shows (then signing in asks for one), the backup codes shown once, and
 * signing another browser out from the list of sessions (that browser is back at the sign-in page at once).
 */
class AccountSettingsIT {
    @RegisterExtension
    static final WebStack web = WebStack.create();

    @Test
    void twoStepVerificationTurnedOnFromTheSettingsPageIsAskedAtTheNextSignIn() {
        web.users().register("tara");
        Page page = web.browsers().forAudit(Browsers.DESKTOP_WIDTH, Browsers.DESKTOP_HEIGHT, false);
        ChatPage.signIn(page, web.url("/"), "tara", TestUsers.PASSWORD);
        page.navigate(web.url("/settings"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account"))).isVisible();
        org.assertj.core.api.Assertions.assertThat(Axe.seriousOrCritical(page)).isEmpty();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up two-step verification")).click();
        String secret = page.locator("code.secret").textContent().strip();
        Locator verification = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions()
                .setName("Two-step verification"));
        verification.getByLabel("Code from your app").fill("000000");
        verification.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Turn on")).click();
        assertThat(verification.getByRole(AriaRole.ALERT)).not().isEmpty();
        verification.getByLabel("Code from your app").fill(TestUsers.totpCode(secret, 0));
        verification.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Turn on")).click();
        assertThat(verification.getByText("Two-step verification is on.")).isVisible();
        assertThat(verification.locator("pre.code-box")).containsText(Pattern.compile("[A-Z0-9]{4,}"));
        org.assertj.core.api.Assertions.assertThat(Axe.seriousOrCritical(page)).isEmpty();

        Page other = web.browsers().desktop();
        other.navigate(web.url("/sign-in"));
        other.getByLabel("Username").fill("tara");
        other.getByLabel("Password").fill(TestUsers.PASSWORD);
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(other.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Two-step verification")))
                .isVisible();
        other.getByLabel("Authentication code").fill(TestUsers.totpCode(secret, 1));
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
        assertThat(new ChatPage(other).sidebar()).isVisible();
    }

    @Test
    void signingOutAnotherBrowserFromTheSessionListSendsItToTheSignInPage() {
        web.users().register("omar");
        Page laptop = web.browsers().desktop();
        ChatPage.signIn(laptop, web.url("/"), "omar", TestUsers.PASSWORD);
        Page phone = web.browsers().phone();
        ChatPage.signIn(phone, web.url("/"), "omar", TestUsers.PASSWORD);

        laptop.navigate(web.url("/settings"));
        Locator list = laptop.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Where you are signed in"));
        // register() signed in from the test's own HTTP client: that session is listed too
        assertThat(list.getByRole(AriaRole.LISTITEM)).hasCount(3);
        assertThat(list.getByText("(this browser)")).hasCount(1);
        list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out Chrome on Linux")
                .setExact(true)).click();
        assertThat(list.getByRole(AriaRole.LISTITEM)).hasCount(2);
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        assertThat(phone.getByText("This device was signed out from another session.")).isVisible();

        list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out everywhere else")).click();
        assertThat(list.getByRole(AriaRole.LISTITEM)).hasCount(1);
        assertThat(list.getByText("(this browser)")).hasCount(1);
        laptop.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Back to Chatalot")))
                .click();
        assertThat(new ChatPage(laptop).sidebar()).isVisible();
    }

}
