package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.chatalot.e2e.web.GuideScreenshots.shot;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.UpdateProfileRequest;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.message.Message;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.server.testing.TestUsers;

/**
 * The user guide's screenshots, from real Chromium against a real server behind the installer's nginx site,
 * at desktop and phone sizes. Runs only when asked (install fonts-noto-color-emoji first, for the emoji):
 * <pre>
 * mvn -B verify -pl e2e -am -Dtest=WebScreenshotsIT -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dscreenshots.dir=$PWD/docs/images
 * </pre>
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class WebScreenshotsIT {
    @RegisterExtension
    static final WebStack web = WebStack.create();

    @Test
    void userGuideScreenshots() throws Exception {
        Page setup = web.browsers().desktop();
        setup.navigate(web.url("/"));
        assertThat(setup.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Set up this server")))
                .isVisible();
        shot(setup, "web-01-setup.png");

        AuthTokens owner = web.users().owner();
        AuthTokens sam = person("sam", "Sam Rivera");
        AuthTokens maya = person("maya", "Maya Chen");
        AuthTokens tom = person("tom", "Tom Berger");
        AuthTokens aisha = person("aisha", "Aisha Khan");
        Channel general = web.chat().publicChannel(maya, "general");
        Channel releases = web.chat().publicChannel(tom, "releases");
        Channel design = web.chat().publicChannel(aisha, "design");
        web.users().expect(200, web.users().send(maya, "PATCH", "/api/channels/" + general.id(),
                java.util.Map.of("topic", "Everything that is not a release or a mock-up")), Channel.class);
        for (AuthTokens person : List.of(sam, tom, aisha, owner)) {
            web.chat().join(person, general.id());
        }
        for (AuthTokens person : List.of(sam, maya, aisha)) {
            web.chat().join(person, releases.id());
        }
        web.chat().join(sam, design.id());

        Message plan = say(maya, general, "Morning all! The **1.4 release** is on Thursday. Checklist is in "
                + "https://example.com/wiki/release-1.4");
        say(tom, general, "Build is green. Two things left:\n\n- the migration note\n- screenshots for the guide");
        say(aisha, general, "I'll take the screenshots 📸");
        reply(maya, general, plan.id(), "Thanks both. Remember `MAX_FILE_SIZE_MB` changed to 200");
        Message code = say(tom, general, "For the record, the upgrade is just:\n\n```\nsudo apt install ./chatalot_1.4.deb\n```");
        react(sam, code.id(), "👍");
        react(aisha, code.id(), "👍");
        react(maya, code.id(), "🎉");
        say(tom, releases, "1.4.0-rc1 is tagged.");
        say(aisha, design, "New sidebar mock-up is up: > wider unread badges, calmer colours");

        Page page = web.browsers().desktop();
        ChatPage chat = ChatPage.signIn(page, web.url("/sign-in"), "sam", TestUsers.PASSWORD);
        chat.open("general");
        chat.expectDelivered("For the record");
        say(maya, general, "Sam, could you check the invite links once more?");
        chat.expectDelivered("invite links");
        chat.composer().fill("On it — give me ten minutes");
        page.mouse().move(5, 5);
        shot(page, "web-02-chat.png");

        chat.composer().fill("");
        chat.send("Done: links work, and they expire after a week by default.");
        chat.expectDelivered("Done: links work");
        Locator mine = chat.message("Done: links work");
        mine.hover();
        shot(page, "web-03-message-actions.png");

        page.keyboard().press("Control+k");
        page.keyboard().type("re");
        assertThat(chat.dialog()).isVisible();
        shot(page, "web-04-switcher.png");
        page.keyboard().press("Escape");

        web.chat().send(tom, releases.id(), "Release notes draft is ready for review");
        web.chat().send(tom, releases.id(), "…and the changelog too");
        assertThat(chat.conversation("releases")).containsText("3");
        chat.open("releases");
        assertThat(page.getByRole(AriaRole.SEPARATOR, new Page.GetByRoleOptions().setName("New messages")))
                .isVisible();
        shot(page, "web-05-new-messages.png");

        chat.open("general");
        chat.composer().fill("x".repeat(70_000));
        chat.composer().press("Enter");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry"))).isVisible();
        page.evaluate("() => document.querySelector('.messages').scrollTop = 1e9");
        shot(page, "web-06-not-sent.png");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Discard")).click();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Account: "))).click();
        chat.dialog().getByLabel("Dark").check();
        page.keyboard().press("Escape");
        shot(page, "web-07-dark.png");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Account: "))).click();
        chat.dialog().getByLabel("Light").check();
        page.keyboard().press("Escape");

        web.users().expect(200, web.users().put(tom.accessToken(), "/api/account/profile",
                java.util.Map.of("status_text", "Cutting the 1.4 release")), Object.class);
        say(maya, general, "@sam could you also check that invites expire after a week?");
        chat.expectDelivered("invites expire after a week");
        chat.composer().pressSequentially("Yes, and I'll ask @to");
        assertThat(page.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("People to mention")))
                .isVisible();
        shot(page, "web-11-mention.png");
        chat.composer().press("Escape");
        chat.composer().fill("");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Notifications: ")))
                .click();
        assertThat(chat.dialog()).isVisible();
        shot(page, "web-12-notifications.png");
        page.keyboard().press("Escape");

        chat.button("Search messages").click();
        chat.dialog().getByLabel("Words to find").fill("release");
        assertThat(chat.dialog().getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Search results"))
                .getByRole(AriaRole.BUTTON).first()).isVisible();
        shot(page, "web-13-search.png");
        page.keyboard().press("Escape");

        chat.message("For the record, the upgrade is just").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Tom Berger").setExact(true)).click();
        Locator card = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Tom Berger"));
        assertThat(card).containsText("Cutting the 1.4 release");
        shot(page, "web-15-profile-card.png");
        page.keyboard().press("Escape");
        assertThat(card).isHidden();

        page.navigate(web.url("/settings"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account"))).isVisible();
        page.getByLabel("Status (optional)").fill("Testing invites today");
        shot(page, "web-14-settings.png");

        Page admin = web.browsers().desktop();
        ChatPage ownerChat = ChatPage.signIn(admin, web.url("/c/" + general.id()), "owner", TestUsers.PASSWORD);
        ownerChat.button("Invite people").click();
        ownerChat.dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Create invite link")).click();
        assertThat(ownerChat.dialog().getByLabel("Invite link")).isVisible();
        shot(admin, "web-08-invite.png");

        Page phone = web.browsers().phone();
        ChatPage mobile = ChatPage.signIn(phone, web.url("/c/" + general.id()), "maya", TestUsers.PASSWORD);
        mobile.expectDelivered("Done: links work");
        shot(phone, "web-09-phone.png");
        mobile.button("Open channel list").tap();
        assertThat(mobile.sidebar()).isInViewport();
        shot(phone, "web-10-phone-channels.png");
    }

    private static AuthTokens person(String username, String displayName) {
        AuthTokens tokens = web.users().register(username);
        web.users().expect(200, web.users().put(tokens.accessToken(), "/api/account/profile",
                new UpdateProfileRequest(displayName, null)), Object.class);
        return web.users().login(username, TestUsers.PASSWORD);
    }

    private static Message say(AuthTokens from, Channel channel, String text) {
        return web.chat().send(from, channel.id(), text);
    }

    private static void reply(AuthTokens from, Channel channel, UUID to, String text) {
        web.users().expect(201, web.users().post(from.accessToken(), "/api/channels/" + channel.id()
                + "/messages", new SendMessageRequest(text, null, to, null)), Message.class);
    }

    private static void react(AuthTokens from, UUID message, String emoji) {
        web.users().put(from.accessToken(), "/api/messages/" + message + "/reactions/"
                + java.net.URLEncoder.encode(emoji, java.nio.charset.StandardCharsets.UTF_8), java.util.Map.of());
    }
}
