package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.server.testing.TestUsers;

/**
 * Being told when someone needs you, and finding an old message: an {@code @name} completed in the
 * composer reaches the other person's hidden tab as a desktop notification (the page's real Notification
 * API, observed) and as a mention badge; a channel's level, chosen in the page, is kept on the server; search
 * finds a message in a channel the user reads, never one in a channel they are not in, and opens it in place.
 */
class MentionsNotificationsSearchIT {
    @RegisterExtension
    static final WebStack web = WebStack.create();

    /** Records every notification the page creates (the real constructor still runs). */
    static final String OBSERVE_NOTIFICATIONS = """
            (() => {
              const Real = window.Notification;
              window.__notifications = [];
              if (typeof Real !== 'function') return;
              window.Notification = class extends Real {
                constructor(title, options) {
                  super(title, options);
                  window.__notifications.push({ title, body: options?.body ?? '', tag: options?.tag ?? '', shown: this });
                }
              };
            })();""";

    /** Headless Chromium never hides a tab: make this one report hidden, as a background tab does. */
    static final String HIDE_TAB = """
            () => {
              Object.defineProperty(document, 'visibilityState', { get: () => 'hidden', configurable: true });
              Object.defineProperty(document, 'hidden', { get: () => true, configurable: true });
              document.dispatchEvent(new Event('visibilitychange'));
            }""";

    static final String SHOW_TAB = """
            () => {
              delete document.visibilityState;
              delete document.hidden;
              document.dispatchEvent(new Event('visibilitychange'));
            }""";

    @Test
    void aCompletedMentionNotifiesTheHiddenTabAndBadgesTheChannel() {
        AuthTokens ann = web.users().register("ann");
        AuthTokens bob = web.users().register("bob");
        AuthTokens bobby = web.users().register("bobby");
        Channel general = web.chat().publicChannel(ann, "general");
        Channel design = web.chat().publicChannel(ann, "design");
        web.chat().join(bob, general.id());
        web.chat().join(bob, design.id());
        web.chat().join(bobby, design.id());

        Page bobPage = web.browsers().forAudit(Browsers.DESKTOP_WIDTH, Browsers.DESKTOP_HEIGHT, false);
        bobPage.context().grantPermissions(List.of("notifications"), new com.microsoft.playwright.BrowserContext
                .GrantPermissionsOptions().setOrigin(web.url("/").replaceAll("/$", "")));
        bobPage.addInitScript(OBSERVE_NOTIFICATIONS);
        ChatPage bobChat = ChatPage.signIn(bobPage, web.url("/"), "bob", TestUsers.PASSWORD).open("general");

        Page annPage = web.browsers().desktop();
        ChatPage annChat = ChatPage.signIn(annPage, web.url("/"), "ann", TestUsers.PASSWORD).open("design");
        bobPage.evaluate(HIDE_TAB);

        annChat.composer().pressSequentially("@bo");
        Locator people = annPage.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("People to mention"));
        assertThat(people.getByRole(AriaRole.OPTION)).hasCount(2);
        assertThat(people.getByRole(AriaRole.OPTION).first()).containsText("@bob");
        annChat.composer().press("Enter");
        assertThat(people).hasCount(0);
        assertThat(annChat.composer()).hasValue("@bob ");
        annChat.composer().pressSequentially("can you look at the mockups?");
        annChat.composer().press("Enter");
        annChat.expectDelivered("can you look at the mockups?");

        bobPage.waitForFunction("() => window.__notifications.length === 1");
        assertThat(bobPage.locator("body")).isVisible();
        org.assertj.core.api.Assertions.assertThat(bobPage.evaluate("() => window.__notifications[0].title"))
                .isEqualTo("ann in #design");
        org.assertj.core.api.Assertions.assertThat((String) bobPage.evaluate("() => window.__notifications[0].body"))
                .isEqualTo("@bob can you look at the mockups?");
        assertThat(bobChat.conversation("design")).containsText("@1");
        assertThat(bobChat.conversation("design")).hasAccessibleName(Pattern.compile("1 mention"));
        org.assertj.core.api.Assertions.assertThat(bobPage.title()).startsWith("(1)");
        org.assertj.core.api.Assertions.assertThat((String) bobPage.locator("link[rel=icon]").getAttribute("href"))
                .contains("circle");

        // Clicking the notification opens the message, marked as mentioning the reader.
        bobPage.evaluate(SHOW_TAB);
        bobPage.evaluate("() => window.__notifications[0].shown.onclick()");
        assertThat(bobPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("#design");
        Locator mentioned = bobChat.message("can you look at the mockups?");
        assertThat(mentioned).hasAccessibleName(Pattern.compile("mentions you"));
        assertThat(mentioned.locator(".mention-me")).hasText("@bob");
        assertThat(bobChat.conversation("design")).not().containsText("@1");
        org.assertj.core.api.Assertions.assertThat(Axe.seriousOrCritical(bobPage)).isEmpty();

        // A message that does not mention bob raises nothing in a channel on the default level (mentions).
        bobChat.open("general");
        bobPage.evaluate(HIDE_TAB);
        annChat.send("lunch is here");
        annChat.expectDelivered("lunch is here");
        assertThat(bobChat.conversation("design")).hasAccessibleName(Pattern.compile("1 unread message"));
        org.assertj.core.api.Assertions.assertThat(bobPage.evaluate("() => window.__notifications.length"))
                .isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(web.browsers().pageErrors()).isEmpty();
    }

    @Test
    void aChannelsNotificationLevelIsChosenInThePageAndKeptOnTheServer() {
        AuthTokens cat = web.users().register("cat");
        AuthTokens dan = web.users().register("dan");
        Channel ops = web.chat().publicChannel(cat, "ops");
        Channel lobby = web.chat().publicChannel(cat, "lobby");
        web.chat().join(dan, ops.id());
        web.chat().join(dan, lobby.id());

        Page danPage = web.browsers().forAudit(Browsers.DESKTOP_WIDTH, Browsers.DESKTOP_HEIGHT, false);
        danPage.context().grantPermissions(List.of("notifications"), new com.microsoft.playwright.BrowserContext
                .GrantPermissionsOptions().setOrigin(web.url("/").replaceAll("/$", "")));
        danPage.addInitScript(OBSERVE_NOTIFICATIONS);
        ChatPage danChat = ChatPage.signIn(danPage, web.url("/"), "dan", TestUsers.PASSWORD).open("ops");
        danChat.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Notifications: mentions only")).click();
        Locator dialog = danChat.dialog();
        assertThat(dialog).hasAccessibleName("Notifications for #ops");
        assertThat(dialog.getByText("On in this browser")).isVisible();
        org.assertj.core.api.Assertions.assertThat(Axe.seriousOrCritical(danPage)).isEmpty();
        dialog.getByLabel("Every new message").check();
        assertThat(danChat.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Notifications: every message"))).hasCount(1);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();

        // Kept on the server: another browser of dan's sees it, and it applies there.
        Page laptop = web.browsers().open(Browsers.DESKTOP_WIDTH, Browsers.DESKTOP_HEIGHT, false);
        laptop.context().grantPermissions(List.of("notifications"), new com.microsoft.playwright.BrowserContext
                .GrantPermissionsOptions().setOrigin(web.url("/").replaceAll("/$", "")));
        laptop.addInitScript(OBSERVE_NOTIFICATIONS);
        ChatPage other = ChatPage.signIn(laptop, web.url("/"), "dan", TestUsers.PASSWORD).open("ops");
        assertThat(other.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Notifications: every message"))).hasCount(1);
        other.open("lobby");
        laptop.evaluate(HIDE_TAB);
        web.chat().send(cat, ops.id(), "deploy finished");
        laptop.waitForFunction("() => window.__notifications.length === 1");
        org.assertj.core.api.Assertions.assertThat(laptop.evaluate("() => window.__notifications[0].title"))
                .isEqualTo("cat in #ops");

        // Nothing: no notification, no unread badge, the channel marked muted.
        danChat.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Notifications: every message")).click();
        danChat.dialog().getByLabel("Nothing").check();
        assertThat(danChat.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Notifications: off"))).hasCount(1);
        danChat.dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();
        // The other browser is told at once, without a reload.
        assertThat(other.conversation("ops")).hasAccessibleName(Pattern.compile("muted"));
        // Away from #ops, or this browser reads what arrives there (read cursors follow the user).
        danChat.open("lobby");
        web.chat().send(cat, ops.id(), "second deploy finished");
        // Unread still counts (how many depends on what dan's other browser read), quietly.
        assertThat(other.conversation("ops")).hasAccessibleName(Pattern.compile("\\d+ unread messages?, muted"));
        org.assertj.core.api.Assertions.assertThat(laptop.evaluate("() => window.__notifications.length"))
                .as("only the first deploy's").isEqualTo(1);
    }

    @Test
    void searchFindsWhatTheUserMayReadAndOpensItInItsChannel() {
        AuthTokens eve = web.users().register("eve");
        AuthTokens fay = web.users().register("fay");
        Channel team = web.chat().publicChannel(eve, "team");
        Channel secret = web.chat().privateChannel(eve, "secret");
        web.chat().join(fay, team.id());
        web.chat().send(eve, secret.id(), "the zebra password is hunter2");
        web.chat().send(eve, team.id(), "watch out for the zebra crossing on Elm Street");
        // Enough after it that the page's first load does not hold it.
        for (int i = 0; i < 120; i++) {
            web.chat().send(eve, team.id(), "status update %03d".formatted(i));
        }

        Page page = web.browsers().forAudit(Browsers.DESKTOP_WIDTH, Browsers.DESKTOP_HEIGHT, false);
        ChatPage fayChat = ChatPage.signIn(page, web.url("/"), "fay", TestUsers.PASSWORD).open("team");
        assertThat(fayChat.message("status update 119")).isVisible();
        fayChat.button("Search messages").click();
        Locator dialog = fayChat.dialog();
        dialog.getByLabel("Words to find").fill("Zebra");
        Locator results = dialog.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Search results"));
        assertThat(results.getByRole(AriaRole.BUTTON)).hasCount(1);
        assertThat(results.getByRole(AriaRole.BUTTON)).containsText("zebra crossing");
        assertThat(results.getByRole(AriaRole.BUTTON)).not().containsText("hunter2");
        assertThat(results.locator("mark")).hasText("zebra");
        assertThat(dialog.getByRole(AriaRole.STATUS)).hasText("1 message with “zebra”.");
        org.assertj.core.api.Assertions.assertThat(Axe.seriousOrCritical(page)).isEmpty();

        // A filter that excludes it: nothing, said so.
        dialog.getByLabel("Has a file").check();
        assertThat(dialog.getByRole(AriaRole.STATUS)).hasText("No messages with “zebra”.");
        dialog.getByLabel("Has a file").uncheck();
        assertThat(results.getByRole(AriaRole.BUTTON)).hasCount(1);

        results.getByRole(AriaRole.BUTTON).click();
        assertThat(dialog).hasCount(0);
        Locator found = fayChat.message("zebra crossing");
        assertThat(found).isInViewport();
        assertThat(found).isFocused();
        org.assertj.core.api.Assertions.assertThat(web.browsers().pageErrors()).isEmpty();
    }
}
