package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.Me;
import org.chatalot.model.auth.UpdateProfileRequest;
import org.chatalot.model.channel.Channel;
import org.chatalot.server.testing.TestUsers;

/**
 * A colleague's profile card, opened from a message's author, the member list and a DM's header by role and
 * name: their name, @username, presence and status text (markup shown as the text it is), kept up to date
 * while open and beside its author while the list scrolls; Escape closes it and gives focus back; its button
 * opens the DM. Your own card offers your settings.
 */
class ProfileCardIT {
    private static final String STATUS = "<b>x</b> on a call";

    @RegisterExtension
    static final WebStack web = WebStack.create();

    static AuthTokens theo;
    static Channel studio;
    static Channel gallery;

    @BeforeAll
    static void start() {
        AuthTokens rosa = web.users().register("rosa");
        theo = web.users().register("theo");
        AuthTokens uma = web.users().register("uma");
        web.users().expect(200, web.users().put(theo.accessToken(), "/api/account/profile",
                new UpdateProfileRequest("Theo Baker", null, STATUS)), Me.class);
        studio = web.chat().publicChannel(rosa, "studio");
        web.chat().join(theo, studio.id());
        web.chat().join(uma, studio.id());
        web.chat().send(theo, studio.id(), "sketches are up");
        web.chat().send(rosa, studio.id(), "looking now");
        // a list longer than the window, every message its own author line
        gallery = web.chat().publicChannel(rosa, "gallery");
        web.chat().join(theo, gallery.id());
        for (int frame = 1; frame <= 40; frame++) {
            web.chat().send(frame % 2 == 0 ? theo : rosa, gallery.id(), "frame " + frame + " of 40");
        }
    }

    @Test
    void theCardShowsAColleagueLiveClosesOnEscapeAndOpensTheirDm() {
        ChatPage rosa = ChatPage.signIn(web.browsers().desktop(), web.url("/c/" + studio.id()), "rosa",
                TestUsers.PASSWORD);
        rosa.expectDelivered("sketches are up");
        Locator author = rosa.message("sketches are up").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Theo Baker").setExact(true));
        author.click();
        Locator card = card(rosa.page, "Theo Baker");
        assertThat(card).isVisible();
        assertThat(card).containsText("@theo");
        assertThat(card).containsText("offline");
        assertThat(card.getByText(STATUS, new Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(card.locator("b")).hasCount(0);
        Locator messageTheo = card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Message Theo Baker"));
        assertThat(messageTheo).isFocused();

        rosa.page.keyboard().press("Escape");
        assertThat(card).hasCount(0);
        assertThat(author).isFocused();
        // the author's name is a real button: the keyboard opens the card from it too
        rosa.page.keyboard().press("Enter");
        assertThat(card).isVisible();
        rosa.page.keyboard().press("Escape");
        assertThat(card).hasCount(0);

        Locator members = members(rosa);
        Locator entry = members.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^Theo(dore)? Baker")));
        entry.click();
        assertThat(card).isVisible();
        // while it is open, the card follows the person: presence, then a new name and status text
        ChatPage.signIn(web.browsers().desktop(), web.url("/"), "theo", TestUsers.PASSWORD);
        assertThat(card).containsText("online");
        web.users().expect(200, web.users().put(theo.accessToken(), "/api/account/profile",
                new UpdateProfileRequest("Theodore Baker", null, "back at 3")), Me.class);
        Locator renamed = card(rosa.page, "Theodore Baker");
        assertThat(renamed).containsText("back at 3");
        assertThat(renamed).not().containsText(STATUS);
        // online now, Theo moved up the member list: focus goes back to his entry all the same
        rosa.page.keyboard().press("Escape");
        assertThat(renamed).hasCount(0);
        assertThat(entry).isFocused();

        entry.click();
        assertThat(renamed).isVisible();
        rosa.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).click();
        assertThat(renamed).hasCount(0);

        entry.click();
        renamed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Message Theodore Baker")).click();
        assertThat(renamed).hasCount(0);
        assertThat(rosa.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Theodore Baker");
        assertThat(rosa.composer()).hasAttribute("aria-label", "Message Theodore Baker");
        // in the DM, the name in its header is the way to the card
        Locator dmName = rosa.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Theodore Baker"));
        dmName.click();
        assertThat(renamed).isVisible();
        assertThat(renamed).containsText("@theo");
        rosa.page.keyboard().press("Escape");
        assertThat(renamed).hasCount(0);
        assertThat(dmName).isFocused();

        rosa.open("studio");
        members(rosa).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^rosa")))
                .click();
        Locator own = card(rosa.page, "rosa");
        assertThat(own.getByRole(AriaRole.BUTTON)).hasCount(0);
        own.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit profile")).click();
        assertThat(rosa.page.getByLabel("Status (optional)")).isVisible();
        org.assertj.core.api.Assertions.assertThat(web.browsers().pageErrors()).isEmpty();
    }

    @Test
    void theCardStaysBesideItsAuthorWhileTheListScrollsAndClosesOnceTheyAreOutOfSight() {
        ChatPage rosa = ChatPage.signIn(web.browsers().desktop(), web.url("/c/" + gallery.id()), "rosa",
                TestUsers.PASSWORD);
        rosa.expectDelivered("frame 40 of 40");
        Locator author = rosa.message("frame 34 of 40").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^Theo(dore)? Baker$")));
        author.click();
        Locator card = rosa.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Theo(dore)? Baker$")));
        assertThat(card).isVisible();
        double authorAt = author.boundingBox().y;
        double gap = card.boundingBox().y - authorAt;

        // the wheel over the list, beside the card: the list moves down a little, the card with it
        BoundingBox list = rosa.messages().boundingBox();
        rosa.messages().hover(new Locator.HoverOptions().setPosition(list.width - 12, list.height / 2));
        rosa.page.mouse().wheel(0, -90);
        rosa.page.waitForCondition(() -> author.boundingBox().y > authorAt + 40
                && Math.abs(card.boundingBox().y - author.boundingBox().y - gap) < 1);

        // scrolled on until the author has left the list's sight: the card closes, and the list stays put
        rosa.page.mouse().wheel(0, -3000);
        assertThat(card).hasCount(0);
        assertThat(author).not().isInViewport();
        org.assertj.core.api.Assertions.assertThat(web.browsers().pageErrors()).isEmpty();
    }

    @Test
    void onAPhoneTheCardFitsTheScreenAndOpensTheDmByTapping() {
        Page page = web.browsers().phone();
        page.navigate(web.url("/c/" + studio.id()));
        page.getByLabel("Username").fill("uma");
        page.getByLabel("Password").fill(TestUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).tap();
        ChatPage uma = new ChatPage(page);
        uma.expectDelivered("looking now");

        uma.message("looking now").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("rosa")
                .setExact(true)).tap();
        Locator card = card(page, "rosa");
        assertThat(card).isInViewport();
        assertFitsTheScreen(page, card);

        uma.button("Members (3)").tap();
        Locator members = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName(
                Pattern.compile("^Members")));
        assertThat(card).hasCount(0);
        members.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^rosa"))).tap();
        assertThat(card).isInViewport();
        assertFitsTheScreen(page, card);
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Message rosa")).tap();
        assertThat(card).hasCount(0);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("rosa");
        org.assertj.core.api.Assertions.assertThat(web.browsers().pageErrors()).isEmpty();
    }

    private static Locator card(Page page, String name) {
        return page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The member list, opened when the window is too narrow for it to be open already. */
    private static Locator members(ChatPage chat) {
        Locator toggle = chat.button("Members (3)");
        assertThat(toggle).isVisible();
        if (!"true".equals(toggle.getAttribute("aria-pressed"))) {
            toggle.click();
        }
        Locator members = chat.page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Members")));
        assertThat(members).isVisible();
        return members;
    }

    private static void assertFitsTheScreen(Page page, Locator card) {
        BoundingBox box = card.boundingBox();
        org.assertj.core.api.Assertions.assertThat(box.x).as("card's left edge").isGreaterThanOrEqualTo(0);
        org.assertj.core.api.Assertions.assertThat(box.x + box.width).as("card's right edge")
                .isLessThanOrEqualTo(Browsers.PHONE_WIDTH);
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) width).intValue()).as("page width")
                .isLessThanOrEqualTo(Browsers.PHONE_WIDTH);
    }
}
