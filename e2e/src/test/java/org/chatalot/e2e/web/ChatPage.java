package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * One person's view of the web client, found the way a screen reader user would: by role and accessible
 * name. Every step waits for what the page shows (Playwright's assertions retry until their timeout).
 */
final class ChatPage {
    final Page page;

    ChatPage(Page page) {
        this.page = page;
    }

    static ChatPage signIn(Page page, String url, String username, String password) {
        page.navigate(url);
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        ChatPage chat = new ChatPage(page);
        assertThat(chat.sidebar()).isVisible();
        return chat;
    }

    Locator sidebar() {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions()
                .setName("Channels and direct messages"));
    }

    /** The sidebar link of a channel or DM (its accessible name starts with the name, then the details). */
    Locator conversation(String name) {
        return sidebar().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^" + literal(name) + "\\s*,")));
    }

    /**
     * A regular-expression literal for {@code text} that also works in JavaScript (Playwright runs the
     * pattern in the page; Java's {@code \\Q…\\E} quoting means something else there).
     */
    static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    ChatPage open(String name) {
        conversation(name).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(name);
        return this;
    }

    Locator composer() {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(Pattern.compile("^Message ")));
    }

    ChatPage send(String text) {
        composer().fill(text);
        composer().press("Enter");
        return this;
    }

    Locator messages() {
        return page.getByRole(AriaRole.LOG);
    }

    /** Messages (articles) whose text contains {@code text}. */
    Locator message(String text) {
        return messages().getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions().setHasText(text));
    }

    /** Waits until exactly one message contains the text and it is stored (not pending). */
    Locator expectDelivered(String text) {
        Locator message = message(text);
        assertThat(message).hasCount(1);
        assertThat(message.getByText("Sending…")).hasCount(0);
        return message;
    }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator dialog() {
        return page.getByRole(AriaRole.DIALOG);
    }
}
