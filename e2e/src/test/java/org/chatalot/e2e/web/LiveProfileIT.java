package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.DmChannel;
import org.chatalot.server.testing.TestUsers;

/**
 * A colleague's new display name and status text show up in the other person's open browser without a
 * reload: in the member list, on their messages already on screen, in the DM list and the DM's header. The
 * status text is shown as the plain text it is, markup and all.
 */
class LiveProfileIT {
    private static final String STATUS = "Out to <b>lunch</b>";

    @RegisterExtension
    static final WebStack web = WebStack.create();

    @Test
    void aNewDisplayNameAndStatusTextReachTheOtherPersonsOpenPageWithoutAReload() {
        AuthTokens lia = web.users().register("lia");
        AuthTokens max = web.users().register("max");
        Channel crew = web.chat().publicChannel(lia, "crew");
        web.chat().join(max, crew.id());
        web.chat().send(max, crew.id(), "lunch plans?");
        DmChannel dm = web.chat().dm(max, lia.user().id());
        web.chat().send(max, dm.channel().id(), "psst");

        ChatPage liaPage = ChatPage.signIn(web.browsers().desktop(), web.url("/c/" + crew.id()), "lia",
                TestUsers.PASSWORD);
        Locator membersButton = liaPage.button("Members (2)");
        assertThat(membersButton).isVisible();
        if (!"true".equals(membersButton.getAttribute("aria-pressed"))) {
            // open by default on a wide screen, as the desktop browser is; a toggle otherwise
            membersButton.click();
        }
        Locator members = liaPage.page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Members")));
        assertThat(members).containsText("max");
        assertThat(byAuthor(liaPage, "max")).containsText("lunch plans?");
        assertThat(liaPage.conversation("max")).isVisible();
        liaPage.page.evaluate("() => { window.chatalotNotReloaded = true; }");

        Page maxPage = web.browsers().desktop();
        ChatPage.signIn(maxPage, web.url("/"), "max", TestUsers.PASSWORD);
        maxPage.navigate(web.url("/settings"));
        maxPage.getByLabel("Display name").fill("Max Power");
        maxPage.getByLabel("Status (optional)").fill(STATUS);
        maxPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile")).click();
        assertThat(maxPage.getByText("Saved.")).isVisible();

        assertThat(members).containsText("Max Power");
        assertThat(members.getByText(STATUS, new Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(members.locator("b")).hasCount(0);
        assertThat(byAuthor(liaPage, "Max Power")).containsText("lunch plans?");
        assertThat(byAuthor(liaPage, "max")).hasCount(0);
        assertThat(liaPage.conversation("Max Power")).isVisible();

        liaPage.open("Max Power");
        assertThat(byAuthor(liaPage, "Max Power")).containsText("psst");
        assertThat(liaPage.page.getByText(Pattern.compile("· " + ChatPage.literal(STATUS) + "$"))).isVisible();
        org.assertj.core.api.Assertions.assertThat(liaPage.page.evaluate("() => window.chatalotNotReloaded === true"))
                .as("the page was never reloaded").isEqualTo(true);
        org.assertj.core.api.Assertions.assertThat(web.browsers().pageErrors()).isEmpty();
    }

    /** Messages whose accessible name (the author, then the time) starts with this author. */
    private static Locator byAuthor(ChatPage chat, String author) {
        return chat.messages().getByRole(AriaRole.ARTICLE, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^" + ChatPage.literal(author) + ", ")));
    }
}
