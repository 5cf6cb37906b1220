package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.chatalot.e2e.web.GuideScreenshots.shot;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.UpdateProfileRequest;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.Visibility;
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
    @RegisterExtension
    static final WebStack web = WebStack.create().assertionTimeout(Duration.ofSeconds(45));

    @Test
    void callScreenshots() {
        AuthTokens sam = person("sam", "Sam Rivera");
        AuthTokens maya = person("maya", "Maya Chen");
        AuthTokens tom = person("tom", "Tom Berger");
        Channel standup = web.chat().voiceChannel(maya, "standup", Visibility.PUBLIC);
        Channel general = web.chat().publicChannel(maya, "general");
        for (AuthTokens person : List.of(sam, tom)) {
            web.chat().join(person, standup.id());
            web.chat().join(person, general.id());
        }
        web.chat().send(maya, general.id(), "Standup in five minutes, in #standup 🎧");
        web.chat().send(tom, general.id(), "I'll join from the train, sound only");

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
        Page page = web.browsers().forCall(true, false);
        page.context().addInitScript(CallsIT.HARNESS);
        ChatPage chat = ChatPage.signIn(page, web.url("/c/" + channel.id()), username, TestUsers.PASSWORD);
        chat.button("Join call").click();
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(Pattern.compile("^Call in "))))
                .isVisible();
        if (camera) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Camera")).click();
        }
        return chat;
    }

    private static AuthTokens person(String username, String displayName) {
        AuthTokens tokens = web.users().register(username);
        web.users().expect(200, web.users().put(tokens.accessToken(), "/api/account/profile",
                new UpdateProfileRequest(displayName, null)), Object.class);
        return web.users().login(username, TestUsers.PASSWORD);
    }
}
