package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.server.testing.TestUsers;

/**
 * The guides inside the client: reached from the account menu (the admin guide for admins), links between
 * guides and to their sections stay in the client, screenshots load, and the page passes axe.
 */
class HelpIT {
    @RegisterExtension
    static final WebStack web = WebStack.create();

    @Test
    void theGuidesOpenFromTheAccountMenuAndLinkToEachOther() {
        web.users().owner();
        Page page = web.browsers().forAudit(Browsers.DESKTOP_WIDTH, Browsers.DESKTOP_HEIGHT, false);
        ChatPage owner = ChatPage.signIn(page, web.url("/"), "owner", TestUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Account: "))).click();
        owner.dialog().getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("admin guide")).click();
        assertThat(page).hasURL(web.url("/help/admin-guide"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
        page.locator(".help-body img").first().scrollIntoViewIfNeeded();
        page.waitForFunction("() => { const img = document.querySelector('.help-body img');"
                + " return img.complete && img.naturalWidth > 0; }");

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Guides")).getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("User guide")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Chatalot user guide")))
                .isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("the admin guide")).first().click();
        assertThat(page).hasURL(web.url("/help/admin-guide"));
        org.assertj.core.api.Assertions.assertThat(Axe.seriousOrCritical(page)).isEmpty();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Back to Chatalot")))
                .click();
        assertThat(owner.sidebar()).isVisible();

        page.navigate(web.url("/help/no-such-guide"));
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("There is no such guide.");
        org.assertj.core.api.Assertions.assertThat(web.browsers().pageErrors()).isEmpty();
    }
}
