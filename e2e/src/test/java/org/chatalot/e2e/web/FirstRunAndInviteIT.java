package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A brand-new server as its first owner meets it: "Set up this server" with the setup code from the data
 * directory, the recovery code shown once, then an invite link made in the page and opened by a newcomer
 * in another browser, who registers with the code already filled in and lands in the chat.
 */
class FirstRunAndInviteIT {
    static final String PASSWORD = "a long enough passphrase";

    @RegisterExtension
    static final WebStack web = WebStack.create();

    @Test
    void theOwnerSetsUpTheServerAndInvitesSomeoneWhoJoinsByTheLink() throws Exception {
        Page owner = web.browsers().desktop();
        owner.navigate(web.url("/"));
        assertThat(owner.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Set up this server")))
                .isVisible();
        assertThat(owner.getByText("setup-code")).isVisible();
        owner.getByLabel("Setup code").fill("WRONG-CODE-0000-0000");
        owner.getByLabel("Username").fill("olivia");
        owner.getByLabel("Password").fill(PASSWORD);
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create owner account")).click();
        assertThat(owner.getByRole(AriaRole.ALERT)).not().isEmpty();

        String code = Files.readString(web.server().dataDir().resolve("setup-code")).strip();
        owner.getByLabel("Setup code").fill(code);
        owner.getByLabel("Display name").fill("Olivia");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create owner account")).click();
        assertThat(owner.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Save your recovery code")))
                .isVisible();
        assertThat(owner.getByLabel("Recovery code")).hasText(Pattern.compile("[A-Z0-9]{4,}(-[A-Z0-9]{4,})+"));
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("I saved it"))).click();
        ChatPage olivia = new ChatPage(owner);
        assertThat(olivia.sidebar()).isVisible();
        assertThat(owner.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pick up a conversation")))
                .isVisible();

        olivia.button("Create channel").first().click();
        olivia.dialog().getByLabel("Name").fill("welcome");
        olivia.dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create channel")).click();
        olivia.send("Hello and welcome!");
        olivia.expectDelivered("Hello and welcome!");

        olivia.button("Invite people").click();
        olivia.dialog().getByLabel("How many people can use it").fill("1");
        olivia.dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create invite link"))
                .click();
        Locator link = olivia.dialog().getByLabel("Invite link");
        assertThat(link).hasText(Pattern.compile("^" + ChatPage.literal(web.url("/invite/"))));
        String invite = link.textContent().strip();

        Page newcomer = web.browsers().desktop();
        newcomer.navigate(invite);
        assertThat(newcomer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Join with your invite")))
                .isVisible();
        assertThat(newcomer.getByLabel("Invite code")).hasValue(invite.substring(invite.lastIndexOf('/') + 1));
        newcomer.getByLabel("Username").fill("nina");
        newcomer.getByLabel("Password").fill("short");
        newcomer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        Locator passwordError = newcomer.locator("#f-password-error");
        assertThat(passwordError).isVisible();
        assertThat(newcomer.getByLabel("Password")).hasAttribute("aria-invalid", "true");
        newcomer.getByLabel("Password").fill(PASSWORD);
        newcomer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        newcomer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("I saved it")))
                .click();
        ChatPage nina = new ChatPage(newcomer);
        nina.button("Browse channels").first().click();
        nina.dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Join #welcome")).click();
        nina.expectDelivered("Hello and welcome!");
        nina.send("Thanks, glad to be here");
        olivia.expectDelivered("Thanks, glad to be here");

        Page latecomer = web.browsers().desktop();
        latecomer.navigate(invite);
        latecomer.getByLabel("Username").fill("late");
        latecomer.getByLabel("Password").fill(PASSWORD);
        latecomer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        assertThat(latecomer.getByRole(AriaRole.ALERT)).containsText("invite");
        org.assertj.core.api.Assertions.assertThat(web.browsers().pageErrors()).isEmpty();
    }
}
