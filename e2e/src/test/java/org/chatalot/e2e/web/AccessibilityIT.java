package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.model.channel.Channel;
import org.chatalot.server.testing.TestUsers;

/**
 * axe-core on every screen of the client, in the light and the dark theme, at desktop and phone size:
 * no serious or critical finding anywhere. Each screen is reached the way a person would reach it.
 */
class AccessibilityIT {
    @RegisterExtension
    static final WebStack web = WebStack.create(server -> server.with("REGISTRATION_MODE", "open"));

    final Map<String, List<String>> findings = new LinkedHashMap<>();

    @Test
    void everyScreenPassesAxeInBothThemesAndSizes() throws Exception {
        Page page = web.browsers().forAudit(Browsers.DESKTOP_WIDTH, Browsers.DESKTOP_HEIGHT, false);
        page.navigate(web.url("/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Set up this server")))
                .isVisible();
        audit(page, "setup");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create owner account")).click();
        assertThat(page.locator("[aria-invalid=true]").first()).isVisible();
        audit(page, "setup with a missing field");
        page.getByLabel("Setup code").fill(Files.readString(web.server().dataDir().resolve("setup-code")).strip());
        page.getByLabel("Username").fill("owner");
        page.getByLabel("Password").fill(TestUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create owner account")).click();
        assertThat(page.getByLabel("Recovery code")).isVisible();
        audit(page, "recovery code");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("I saved it"))).click();
        ChatPage owner = new ChatPage(page);
        assertThat(owner.sidebar()).isVisible();
        audit(page, "empty chat");

        AuthTokens ownerTokens = web.users().login("owner", TestUsers.PASSWORD);
        AuthTokens ann = web.users().expect(201, web.users().post(null, "/api/auth/register",
                new RegisterRequest("ann", "Ann", null, TestUsers.PASSWORD, null, null)), AuthTokens.class);
        Channel general = web.chat().publicChannel(ownerTokens, "general");
        web.chat().join(ann, general.id());
        web.chat().send(ann, general.id(), "Welcome **everyone** — see https://example.com\n\n> a quote\n\n"
                + "- one\n- two\n\n```\ncode block\n```");
        page.navigate(web.url("/c/" + general.id()));
        owner.send("A reply with `code`");
        owner.expectDelivered("A reply with");
        owner.message("Welcome").hover();
        owner.message("Welcome").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add reaction"))
                .click();
        audit(page, "emoji picker");
        owner.dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("React with heart").setExact(true)).click();
        assertThat(owner.message("Welcome").locator(".reaction")).hasCount(1);
        audit(page, "channel with messages");
        profileCard(page, owner, "profile card");

        for (String[] dialog : List.of(new String[] {"Browse channels", "browse"},
                new String[] {"Create channel", "create channel"}, new String[] {"New message", "new message"},
                new String[] {"Jump to a channel (Ctrl+K)", "switcher"}, new String[] {"Keyboard shortcuts", "shortcuts"},
                new String[] {"Invite people", "invite"}, new String[] {"Channel settings", "channel settings"})) {
            owner.button(dialog[0]).first().click();
            assertThat(owner.dialog()).isVisible();
            if (dialog[1].equals("new message")) {
                owner.dialog().getByLabel("Search people by name").fill("an");
                assertThat(owner.dialog().getByRole(AriaRole.LISTITEM)).hasCount(1);
            }
            if (dialog[1].equals("invite")) {
                owner.dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                        .setName("Create invite link")).click();
                assertThat(owner.dialog().getByLabel("Invite link")).isVisible();
            }
            audit(page, dialog[1] + " dialog");
            page.keyboard().press("Escape");
            assertThat(owner.dialog()).hasCount(0);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Account: "))).click();
        audit(page, "account dialog");
        owner.dialog().getByLabel("Dark").check();
        page.keyboard().press("Escape");
        audit(page, "channel, dark theme");
        profileCard(page, owner, "profile card, dark theme");
        owner.message("A reply").hover();
        owner.message("A reply").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete message"))
                .click();
        audit(page, "delete confirmation, dark theme");
        page.keyboard().press("Escape");

        Page phone = web.browsers().forAudit(Browsers.PHONE_WIDTH, Browsers.PHONE_HEIGHT, true);
        ChatPage annPhone = ChatPage.signIn(phone, web.url("/c/" + general.id()), "ann", TestUsers.PASSWORD);
        annPhone.expectDelivered("A reply with");
        audit(phone, "phone, channel");
        annPhone.button("Open channel list").click();
        assertThat(annPhone.sidebar()).isInViewport();
        audit(phone, "phone, channel list open");

        Page visitor = web.browsers().forAudit(Browsers.DESKTOP_WIDTH, Browsers.DESKTOP_HEIGHT, false);
        visitor.navigate(web.url("/sign-in"));
        assertThat(visitor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        audit(visitor, "sign in");
        visitor.getByLabel("Username").fill("ann");
        visitor.getByLabel("Password").fill("wrong password!");
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(visitor.getByRole(AriaRole.ALERT)).not().isEmpty();
        audit(visitor, "sign in refused");
        visitor.navigate(web.url("/register"));
        assertThat(visitor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Create your account")))
                .isVisible();
        audit(visitor, "register (open mode)");
        visitor.navigate(web.url("/recover"));
        audit(visitor, "recover");
        visitor.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(
                com.microsoft.playwright.options.ColorScheme.DARK));
        visitor.navigate(web.url("/sign-in"));
        audit(visitor, "sign in, dark system theme");

        // The audit can fail: a button without a name, slipped into the page, is reported.
        visitor.evaluate("() => document.body.insertAdjacentHTML('beforeend', '<button id=\"axe-probe\"></button>')");
        org.assertj.core.api.Assertions.assertThat(Axe.seriousOrCritical(visitor)).anyMatch(f -> f.contains("button-name"));

        org.assertj.core.api.Assertions.assertThat(findings).as("screens audited").hasSizeGreaterThan(20);
        List<String> problems = new ArrayList<>();
        findings.forEach((screen, found) -> found.forEach(finding -> problems.add(screen + ": " + finding)));
        org.assertj.core.api.Assertions.assertThat(problems).as("serious or critical axe findings").isEmpty();
    }

    /** Ann's profile card, opened from her message's author name, audited, and closed again. */
    private void profileCard(Page page, ChatPage owner, String screen) {
        owner.message("Welcome").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ann")
                .setExact(true)).click();
        assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Ann"))).isVisible();
        audit(page, screen);
        page.keyboard().press("Escape");
        assertThat(owner.dialog()).hasCount(0);
    }

    private void audit(Page page, String screen) {
        findings.put(screen, Axe.seriousOrCritical(page));
    }
}
