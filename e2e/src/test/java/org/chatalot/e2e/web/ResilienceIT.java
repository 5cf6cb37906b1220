package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.message.Message;
import org.chatalot.server.testing.TestUsers;

/**
 * What a team meets on a real network: reloading the page (the access token is gone from memory, the
 * refresh cookie brings the session back), two tabs doing it at once, nginx reloaded mid-conversation,
 * and the server restarted while someone keeps typing. Every message written is delivered exactly once.
 */
class ResilienceIT {
    @RegisterExtension
    static final WebStack web = WebStack.create().assertionTimeout(Duration.ofSeconds(30));

    static AuthTokens ann;
    static AuthTokens ben;

    @BeforeAll
    static void start() {
        ann = web.users().register("ann");
        ben = web.users().register("ben");
    }

    @Test
    void aReloadSignsBackInFromTheHttpOnlyCookieAndNoTokenIsInStorage() {
        Channel room = channelFor("reloads");
        Page page = web.browsers().desktop();
        ChatPage chat = ChatPage.signIn(page, web.url("/c/" + room.id()), "ann", TestUsers.PASSWORD);
        chat.send("before the reload");
        chat.expectDelivered("before the reload");

        Cookie cookie = page.context().cookies(web.url("/api/auth/refresh")).stream()
                .filter(c -> c.name.equals("chatalot_refresh")).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(cookie.httpOnly).isTrue();
        org.assertj.core.api.Assertions.assertThat(cookie.secure).isTrue();
        org.assertj.core.api.Assertions.assertThat(cookie.sameSite).isEqualTo(SameSiteAttribute.STRICT);
        org.assertj.core.api.Assertions.assertThat(cookie.path).isEqualTo("/api/auth");
        String storage = (String) page.evaluate("() => JSON.stringify([Object.entries(localStorage),"
                + " Object.entries(sessionStorage), document.cookie])");
        org.assertj.core.api.Assertions.assertThat(storage).doesNotContain(cookie.value).doesNotContain("eyJ");

        Page second = web.browsers().secondTab(page);
        second.navigate(web.url("/c/" + room.id()));
        new ChatPage(second).expectDelivered("before the reload");
        // Both tabs reload at once: their refreshes must not spend the rotated cookie twice.
        page.evaluate("() => location.reload()");
        second.evaluate("() => location.reload()");
        ChatPage first = new ChatPage(page);
        ChatPage other = new ChatPage(second);
        first.expectDelivered("before the reload");
        other.expectDelivered("before the reload");
        first.send("after the reload");
        other.expectDelivered("after the reload");
        page.reload();
        first.expectDelivered("after the reload");
        org.assertj.core.api.Assertions.assertThat(web.browsers().pageErrors()).isEmpty();
    }

    @Test
    void everyMessageArrivesExactlyOnceAcrossAnNginxReloadAndAServerRestart() {
        Channel room = channelFor("restarts");
        ChatPage annPage = ChatPage.signIn(web.browsers().desktop(), web.url("/c/" + room.id()), "ann",
                TestUsers.PASSWORD);
        ChatPage benPage = ChatPage.signIn(web.browsers().desktop(), web.url("/c/" + room.id()), "ben",
                TestUsers.PASSWORD);
        annPage.send("warming up");
        benPage.expectDelivered("warming up");

        for (int i = 0; i < 5; i++) {
            annPage.send("during the reload " + i);
            if (i == 2) {
                web.front().reload();
            }
        }
        IntStream.range(0, 5).forEach(i -> benPage.expectDelivered("during the reload " + i));

        web.server().stop();
        assertThat(annPage.page.getByText("You are offline — reconnecting…")).isVisible();
        for (int i = 0; i < 4; i++) {
            annPage.send("while the server is down " + i);
        }
        assertThat(annPage.message("while the server is down 3").getByText("Sending…")).isVisible();
        benPage.send("ben also wrote while it was down");
        web.server().start();

        for (int i = 0; i < 4; i++) {
            annPage.expectDelivered("while the server is down " + i);
            benPage.expectDelivered("while the server is down " + i);
        }
        annPage.expectDelivered("ben also wrote while it was down");
        benPage.expectDelivered("ben also wrote while it was down");
        assertThat(annPage.page.getByText("You are offline — reconnecting…")).isHidden();

        Map<String, Long> stored = web.chat().history(ann, room.id(), "limit=100").messages().stream()
                .collect(Collectors.groupingBy(Message::content, Collectors.counting()));
        org.assertj.core.api.Assertions.assertThat(stored.values()).as("stored copies of each message: %s", stored)
                .allMatch(count -> count == 1);
        org.assertj.core.api.Assertions.assertThat(stored).hasSize(1 + 5 + 4 + 1);
        for (ChatPage page : List.of(annPage, benPage)) {
            List<String> shown = page.messages().locator("article .body").allTextContents();
            org.assertj.core.api.Assertions.assertThat(shown.stream().collect(Collectors.groupingBy(
                    Function.identity(), Collectors.counting())).values()).as("shown: %s", shown)
                    .allMatch(count -> count == 1);
        }
    }

    private static Channel channelFor(String name) {
        Channel channel = web.chat().publicChannel(ann, name);
        web.chat().join(ben, channel.id());
        return channel;
    }
}
