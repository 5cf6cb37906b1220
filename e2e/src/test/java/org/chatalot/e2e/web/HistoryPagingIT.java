package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.server.testing.TestUsers;

/**
 * A long channel: the newest page first, older pages as the reader scrolls up with the text under their
 * eyes staying put, the far end dropped so the page stays light, the start of the channel reached, then
 * back down page by page (or at once with "Jump to latest").
 */
class HistoryPagingIT {
    static final int MESSAGES = 320;
    /** The client keeps at most this many messages of a channel in the page (store.js WINDOW_MAX). */
    static final int WINDOW_MAX = 250;

    @RegisterExtension
    static final WebStack web = WebStack.create();

    static Channel channel;

    @BeforeAll
    static void start() {
        AuthTokens writer = web.users().register("writer");
        web.users().register("reader");
        channel = web.chat().publicChannel(writer, "history");
        for (int i = 0; i < MESSAGES; i++) {
            web.chat().send(writer, channel.id(), "message %03d".formatted(i));
        }
    }

    @Test
    void scrollingUpLoadsOlderPagesInPlaceAndTheWindowStaysBounded() {
        Page page = web.browsers().desktop();
        ChatPage reader = ChatPage.signIn(page, web.url("/"), "reader", TestUsers.PASSWORD);
        page.navigate(web.url("/c/" + channel.id()));
        reader.button("Join #history").click();
        assertThat(reader.message("message %03d".formatted(MESSAGES - 1))).isInViewport();

        Locator start = reader.messages().getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions()
                .setName("#history"));
        int pages = 0;
        while (!start.isVisible()) {
            // Scroll to the top and note, in the same instant, where the top message is on screen.
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> top = (java.util.Map<String, Object>) reader.messages().evaluate(
                    "list => { list.scrollTop = 0; const a = list.querySelector('article.msg');"
                            + " return { text: a.querySelector('.body').textContent,"
                            + " y: a.getBoundingClientRect().top }; }");
            String topText = (String) top.get("text");
            if (topText.equals("message 000")) {
                break;
            }
            // The older page arrives above it, and the message the reader was looking at has not moved.
            assertThat(reader.messages().locator("article.msg").first().locator(".body")).not().hasText(topText);
            BoundingBox box = reader.message(topText).boundingBox();
            org.assertj.core.api.Assertions.assertThat(box.y).as("where %s is on screen", topText)
                    .isCloseTo(((Number) top.get("y")).doubleValue(), org.assertj.core.api.Assertions.within(2.0));
            pages++;
            org.assertj.core.api.Assertions.assertThat(pages).isLessThan(20);
        }
        assertThat(reader.message("message 000")).hasCount(1);
        int shown = reader.messages().locator("article.msg").count();
        org.assertj.core.api.Assertions.assertThat(shown).isLessThanOrEqualTo(WINDOW_MAX);
        assertThat(reader.message("message %03d".formatted(MESSAGES - 1))).hasCount(0);

        reader.button("Jump to latest").click();
        assertThat(reader.message("message %03d".formatted(MESSAGES - 1))).isInViewport();
        assertThat(reader.message("message 000")).hasCount(0);
    }

    @Test
    void scrollingBackDownLoadsNewerPagesUntilTheNewestMessage() {
        Page page = web.browsers().desktop();
        ChatPage reader = ChatPage.signIn(page, web.url("/c/" + channel.id()), "writer", TestUsers.PASSWORD);
        Locator start = reader.messages().getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions()
                .setName("#history"));
        for (int step = 0; ; step++) {
            String topText = reader.messages().locator("article.msg").first().locator(".body").textContent();
            if (topText.equals("message 000")) {
                break;
            }
            reader.messages().evaluate("list => list.scrollTop = 0");
            assertThat(reader.messages().locator("article.msg").first().locator(".body")).not().hasText(topText);
            org.assertj.core.api.Assertions.assertThat(step).isLessThan(20);
        }
        assertThat(start).isVisible();
        Locator newest = reader.message("message %03d".formatted(MESSAGES - 1));
        for (int step = 0; ; step++) {
            // Read what is at the bottom first: a page that was on its way may have brought the newest already.
            String bottomText = reader.messages().locator("article.msg").last().locator(".body").textContent();
            if (bottomText.equals("message %03d".formatted(MESSAGES - 1))) {
                break;
            }
            reader.messages().evaluate("list => list.scrollTop = list.scrollHeight");
            assertThat(reader.messages().locator("article.msg").last().locator(".body")).not().hasText(bottomText);
            org.assertj.core.api.Assertions.assertThat(step).isLessThan(20);
        }
        assertThat(newest).isVisible();
        java.util.List<String> bodies = reader.messages().locator("article.msg .body").allTextContents();
        org.assertj.core.api.Assertions.assertThat(bodies).as("in order, none twice").isSorted()
                .doesNotHaveDuplicates();
    }
}
