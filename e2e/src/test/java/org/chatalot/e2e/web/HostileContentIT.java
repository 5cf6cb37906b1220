package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.server.testing.TestUsers;

/**
 * Messages written to attack the reader: script tags, event handlers, javascript: and data: links, SVG,
 * MathML tricks, broken Markdown, a 64 KiB body, right-to-left overrides. Half arrive in history, half live.
 * Every one must show as the text its sender typed: nothing runs, nothing becomes an element that could run,
 * no link goes anywhere but http, https or mailto, and the page's CSP never has to block anything.
 */
class HostileContentIT {
    static final List<String> CORPUS = List.of(
            "<script>window.__pwned = 'script'</script>",
            "<img src=x onerror=\"window.__pwned='img'\">",
            "[click me](javascript:window.__pwned='link')",
            "<a href=\"javascript:window.__pwned='a'\">anchor</a>",
            "<svg onload=\"window.__pwned='svg'\"><script>window.__pwned='svg2'</script></svg>",
            "<iframe src=\"javascript:window.__pwned='iframe'\"></iframe>",
            "**unclosed _markdown [broken](",
            "```\n</code></pre><script>window.__pwned='pre'</script>\n```",
            "<style>body { display: none }</style>",
            "![x](javascript:window.__pwned='image')",
            "\u202Eexe.evil\u202C and \u2067isolated\u2069",
            "<form action=\"https://evil.example\"><input name=x><button>go</button></form>",
            "<details open ontoggle=\"window.__pwned='details'\">x</details>",
            "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "&lt;script&gt; and &#60;b&#62;",
            "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__pwned='mxss'\">",
            "<a href=\"https://example.com\" onclick=\"window.__pwned='onclick'\">looks fine</a>",
            "[](vbscript:msgbox) <javascript:alert(1)> [x]( javascript:alert(1))",
            "a real link stays one: [docs](https://example.com/docs) and mail@example.com");
    static final String HUGE = "A".repeat(65_536);

    @RegisterExtension
    static final WebStack web = WebStack.create();

    static AuthTokens attacker;
    static Channel channel;

    @BeforeAll
    static void start() {
        attacker = web.users().register("mallory");
        AuthTokens reader = web.users().register("victim");
        channel = web.chat().publicChannel(attacker, "hostile");
        web.chat().join(reader, channel.id());
    }

    @Test
    void hostileMessagesRenderAsInertText() {
        CORPUS.subList(0, CORPUS.size() / 2).forEach(text -> web.chat().send(attacker, channel.id(), text));
        Page page = web.browsers().desktop();
        page.addInitScript("document.addEventListener('securitypolicyviolation',"
                + " e => (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI));");
        ChatPage victim = ChatPage.signIn(page, web.url("/c/" + channel.id()), "victim", TestUsers.PASSWORD);
        for (String text : CORPUS.subList(CORPUS.size() / 2, CORPUS.size())) {
            web.chat().send(attacker, channel.id(), text);
        }
        web.chat().send(attacker, channel.id(), HUGE);
        assertThat(victim.messages().locator("article.msg")).hasCount(CORPUS.size() + 1);

        assertThat(victim.message("<script>window.__pwned = 'script'</script>")).hasCount(1);
        assertThat(victim.message("<img src=x onerror=\"window.__pwned='img'\">")).hasCount(1);
        assertThat(victim.message("<style>body { display: none }</style>")).hasCount(1);
        assertThat(victim.message("</code></pre><script>")).hasCount(1);
        assertThat(victim.message("&lt;script&gt;")).hasCount(1);
        assertThat(victim.message("**unclosed")).hasCount(1);

        Object pwned = page.evaluate("() => window.__pwned ?? null");
        assertThat(pwned).as("script ran from a message").isNull();
        Object csp = page.evaluate("() => window.__csp ?? []");
        assertThat((List<?>) csp).as("the CSP had to block something").isEmpty();
        @SuppressWarnings("unchecked")
        List<String> live = (List<String>) victim.messages().evaluate("log => [...log.querySelectorAll("
                + "'.body script, .body iframe, .body img, .body svg, .body math, .body style, .body form, .body input,"
                + " .body details, .body object, .body embed')].map(e => e.outerHTML)");
        assertThat(live).as("elements made from message text").isEmpty();
        @SuppressWarnings("unchecked")
        List<String> handlers = (List<String>) victim.messages().evaluate("log => [...log.querySelectorAll("
                + "'.body *')].flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))");
        assertThat(handlers).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) victim.messages().evaluate(
                "log => [...log.querySelectorAll('.body a')].map(a => a.getAttribute('href'))");
        assertThat(hrefs).allMatch(href -> href.startsWith("https://") || href.startsWith("http://")
                || href.startsWith("mailto:"));
        assertThat(hrefs).containsExactly("https://example.com/docs", "mailto:mail@example.com");

        assertThat(victim.message("exe.evil").locator(".body")).hasAttribute("dir", "auto");
        assertThat(victim.message("exe.evil").locator(".body")).containsText("\u202Eexe.evil\u202C");
        String huge = victim.message("AAAAAAAAAA").locator(".body").textContent();
        assertThat(huge).hasSize(HUGE.length());
        assertThat(web.browsers().pageErrors()).isEmpty();
    }
}
