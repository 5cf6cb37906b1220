package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.UpdateProfileRequest;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.Visibility;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/**
 * The user guide's call screenshots (a call on its channel, and as a strip above another channel), from real
 * Chromium with fake cameras through the installer's nginx site. Runs only when asked:
 * <pre>
 * mvn -B verify -pl e2e -am -Dtest=CallScreenshotsIT -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dscreenshots.dir=$PWD/docs/images
 * </pre>
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class CallScreenshotsIT {
    static final WebFront front = new WebFront();

    @RegisterExtension
    static TestServer server = TestServer.create().with("PUBLIC_URL", front.publicUrl())
            .with("LISTEN_ADDR", front.listenAddress());

    static Browsers browsers;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        PlaywrightAssertions.setDefaultAssertionTimeout(45_000);
        dir = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(dir);
        front.start();
        browsers = new Browsers(front);
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
        front.close();
    }

    @Test
    void callScreenshots() {
        AuthTokens sam = person("sam", "Sam Rivera");
        AuthTokens maya = person("maya", "Maya Chen");
        AuthTokens tom = person("tom", "Tom Berger");
        Channel standup = server.chat().voiceChannel(maya, "standup", Visibility.PUBLIC);
        Channel general = server.chat().publicChannel(maya, "general");
        for (AuthTokens person : List.of(sam, tom)) {
            server.chat().join(person, standup.id());
            server.chat().join(person, general.id());
        }
        server.chat().send(maya, general.id(), "Standup in five minutes, in #standup 🎧");
        server.chat().send(tom, general.id(), "I'll join from the train, sound only");

        ChatPage mayaChat = inCall("maya", standup, true);
        ChatPage tomChat = inCall("tom", standup, false);
        tomChat.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mute microphone")).click();
        ChatPage samChat = inCall("sam", standup, true);
        Page page = samChat.page;
        assertThat(page.locator("li[data-connection=\"connected\"]")).hasCount(3);
        page.waitForFunction("() => [...document.querySelectorAll('.tile video')]"
                + ".filter(v => v.videoWidth > 0).length >= 2");
        page.mouse().move(5, 5);
        shot(page, "web-call.png");

        samChat.open("general");
        samChat.send("Joined — the build is still green");
        samChat.expectDelivered("build is still green");
        shot(page, "web-call-strip.png");
        mayaChat.page.close();
        tomChat.page.close();
    }

    private static ChatPage inCall(String username, Channel channel, boolean camera) {
        Page page = browsers.forCall(true, false);
        page.context().addInitScript(CallsIT.HARNESS);
        ChatPage chat = ChatPage.signIn(page, front.url("/c/" + channel.id()), username, TestUsers.PASSWORD);
        chat.button("Join call").click();
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(Pattern.compile("^Call in "))))
                .isVisible();
        if (camera) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Camera")).click();
        }
        return chat;
    }

    private static AuthTokens person(String username, String displayName) {
        AuthTokens tokens = server.users().register(username);
        server.users().expect(200, server.users().put(tokens.accessToken(), "/api/account/profile",
                new UpdateProfileRequest(displayName, null)), Object.class);
        return server.users().login(username, TestUsers.PASSWORD);
    }

    private static void shot(Page page, String name) {
        page.evaluate("() => document.fonts.ready");
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name)));
        System.out.println("wrote " + dir.resolve(name));
    }
}
