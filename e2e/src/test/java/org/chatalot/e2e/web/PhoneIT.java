package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.server.testing.TestUsers;

/**
 * The client on a 360×640 touch screen: one pane at a time, the channel list behind a menu button, nothing
 * wider than the screen, and everything done by tapping (no hover to reveal a message's actions).
 */
class PhoneIT {
    @RegisterExtension
    static final WebStack web = WebStack.create();

    static Channel general;
    static Channel random;

    @BeforeAll
    static void start() {
        AuthTokens pia = web.users().register("pia");
        AuthTokens quinn = web.users().register("quinn");
        general = web.chat().publicChannel(quinn, "general");
        random = web.chat().publicChannel(quinn, "random");
        web.chat().join(pia, general.id());
        web.chat().join(pia, random.id());
        web.chat().send(quinn, general.id(), "a long line that should wrap on a narrow screen instead of "
                + "pushing the page sideways: " + "x".repeat(120) + " https://example.com/" + "y".repeat(80));
    }

    @Test
    void onAPhoneOnePaneShowsAtATimeAndEverythingWorksByTapping() {
        Page page = web.browsers().phone();
        ChatPage pia = new ChatPage(page);
        page.navigate(web.url("/c/" + general.id()));
        page.getByLabel("Username").fill("pia");
        page.getByLabel("Password").fill(TestUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).tap();
        pia.expectDelivered("a long line");
        assertThat(pia.sidebar()).not().isInViewport();
        assertFitsTheScreen(page);

        pia.button("Open channel list").tap();
        assertThat(pia.sidebar()).isInViewport();
        pia.conversation("random").tap();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("#random");
        assertThat(pia.sidebar()).not().isInViewport();

        pia.composer().fill("sent from a phone");
        pia.button("Send message").tap();
        Locator sent = pia.expectDelivered("sent from a phone");
        assertFitsTheScreen(page);

        sent.tap();
        sent.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add reaction")).tap();
        pia.dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("React with thumbs up")
                .setExact(true)).tap();
        assertThat(sent.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^👍 1"))))
                .isVisible();

        pia.button("Members (2)").tap();
        Locator members = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName(
                Pattern.compile("^Members")));
        assertThat(members).isInViewport();
        assertThat(members).containsText("quinn");
        members.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Hide members")).tap();
        assertThat(members).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(web.browsers().pageErrors()).isEmpty();
    }

    private static void assertFitsTheScreen(Page page) {
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) width).intValue()).as("page width")
                .isLessThanOrEqualTo(Browsers.PHONE_WIDTH);
    }
}
