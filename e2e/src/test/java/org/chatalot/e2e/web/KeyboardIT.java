package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Keyboard;
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
 * A whole session without the mouse: sign in, jump with Ctrl+K, send, edit the last message with ↑, move
 * between channels and to the next unread one with Alt+arrows, open the shortcut list, walk the message
 * list with the arrow keys and react and reply from a message's toolbar. Focus is always where the next
 * key expects it.
 */
class KeyboardIT {
    @RegisterExtension
    static final WebStack web = WebStack.create();

    static Channel general;
    static Channel random;
    static Channel news;

    @BeforeAll
    static void start() {
        AuthTokens kim = web.users().register("kim");
        AuthTokens lee = web.users().register("lee");
        general = web.chat().publicChannel(lee, "general");
        random = web.chat().publicChannel(lee, "random");
        news = web.chat().publicChannel(lee, "news");
        for (Channel channel : new Channel[] {general, random, news}) {
            web.chat().join(kim, channel.id());
        }
        web.chat().send(lee, general.id(), "good morning");
    }

    @Test
    void aWholeSessionWithTheKeyboardAlone() {
        Page page = web.browsers().desktop();
        Keyboard keys = page.keyboard();
        ChatPage kim = new ChatPage(page);
        page.navigate(web.url("/c/" + general.id()));
        assertThat(page.getByLabel("Username")).isFocused();
        keys.type("kim");
        keys.press("Tab");
        assertThat(page.getByLabel("Password")).isFocused();
        keys.type(TestUsers.PASSWORD);
        keys.press("Enter");
        assertThat(kim.composer()).isFocused();
        kim.expectDelivered("good morning");

        keys.press("Control+k");
        Locator switcher = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Channel or person"));
        assertThat(switcher).isFocused();
        keys.type("rand");
        keys.press("Enter");
        assertThat(heading(page)).hasText("#random");
        assertThat(kim.composer()).isFocused();

        keys.type("hello from the keyboard");
        keys.press("Enter");
        kim.expectDelivered("hello from the keyboard");
        keys.press("ArrowUp");
        Locator editor = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Edit message"));
        assertThat(editor).isFocused();
        assertThat(editor).hasValue("hello from the keyboard");
        keys.press("End");
        keys.type(", edited");
        keys.press("Enter");
        assertThat(kim.message("hello from the keyboard, edited")).containsText("(edited)");
        assertThat(kim.composer()).isFocused();

        keys.press("Alt+ArrowUp");
        assertThat(heading(page)).hasText("#news");
        keys.press("Alt+ArrowUp");
        assertThat(heading(page)).hasText("#general");

        web.chat().send(web.users().login("lee", TestUsers.PASSWORD), news.id(), "breaking news");
        assertThat(kim.conversation("news")).containsText("1");
        keys.press("Alt+Shift+ArrowDown");
        assertThat(heading(page)).hasText("#news");
        kim.expectDelivered("breaking news");

        keys.press("Control+/");
        Locator shortcuts = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts"));
        assertThat(shortcuts).isVisible();
        assertThat(shortcuts.getByRole(AriaRole.TABLE)).containsText("Jump to a channel or person");
        keys.press("Escape");
        assertThat(shortcuts).hasCount(0);
        assertThat(kim.composer()).isFocused();

        // Into the message list: one tab stop, arrows move between messages, Tab reaches the author's name
        // (their profile card), then the toolbar.
        keys.press("Shift+Tab");
        Locator last = kim.message("breaking news");
        assertThat(last).isFocused();
        keys.press("Tab");
        assertThat(last.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("lee").setExact(true)))
                .isFocused();
        keys.press("Tab");
        Locator react = last.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add reaction"));
        assertThat(react).isFocused();
        keys.press("Enter");
        Locator emoji = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Add a reaction"));
        assertThat(emoji.getByLabel("Search emoji")).isFocused();
        keys.type("rocket");
        keys.press("Tab");
        assertThat(emoji.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("React with rocket")))
                .isFocused();
        keys.press("Enter");
        assertThat(last.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^🚀 1"))))
                .isVisible();
        assertThat(react).isFocused();
        keys.press("Tab");
        Locator reply = last.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reply"));
        assertThat(reply).isFocused();
        keys.press("Enter");
        assertThat(kim.composer()).isFocused();
        assertThat(page.getByText("Replying to")).isVisible();
        keys.press("Escape");
        assertThat(page.getByText("Replying to")).hasCount(0);
        keys.type("a reply after all");
        keys.press("Enter");
        kim.expectDelivered("a reply after all");
        org.assertj.core.api.Assertions.assertThat(web.browsers().pageErrors()).isEmpty();
    }

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }
}
