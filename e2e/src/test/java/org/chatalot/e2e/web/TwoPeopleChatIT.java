package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

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
 * Two people in two browsers, through nginx with TLS: a channel conversation in both directions, a DM
 * started from the sidebar, typing, unread counts, and edits, deletions and reactions seen by the other.
 */
class TwoPeopleChatIT {
    @RegisterExtension
    static final WebStack web = WebStack.create();

    static AuthTokens ann;
    static AuthTokens ben;
    static Channel general;

    @BeforeAll
    static void start() {
        ann = web.users().register("ann");
        ben = web.users().register("ben");
        general = web.chat().publicChannel(ann, "general");
        web.chat().join(ben, general.id());
    }

    @Test
    void twoPeopleChatInAChannelAndInADirectMessage() {
        ChatPage annPage = ChatPage.signIn(web.browsers().desktop(), web.url("/"), "ann", TestUsers.PASSWORD);
        ChatPage benPage = ChatPage.signIn(web.browsers().desktop(), web.url("/"), "ben", TestUsers.PASSWORD);
        annPage.open("general");
        benPage.open("general");

        annPage.composer().fill("typing something");
        assertThat(benPage.page.getByText("ann is typing…")).isVisible();
        annPage.send("Hello **Ben**, see https://example.com");
        benPage.expectDelivered("Hello Ben");
        assertThat(benPage.message("Hello Ben").locator("strong")).hasText("Ben");
        Locator link = benPage.message("Hello Ben").getByRole(AriaRole.LINK);
        assertThat(link).hasAttribute("href", "https://example.com/");
        assertThat(link).hasAttribute("rel", "noopener noreferrer nofollow");

        benPage.send("Hi Ann!");
        annPage.expectDelivered("Hi Ann!");

        // A DM started from the sidebar reaches the other person, who sees it appear and counted as unread.
        benPage.button("New message").click();
        benPage.dialog().getByLabel("Search people by name").fill("an");
        benPage.dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile(
                "^Message ann"))).click();
        assertThat(benPage.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("ann");
        benPage.send("a private word");
        assertThat(annPage.conversation("ben")).containsText("1");
        assertThat(annPage.page).hasTitle(Pattern.compile("^\\(1\\) "));
        annPage.open("ben");
        annPage.expectDelivered("a private word");
        assertThat(annPage.conversation("ben").locator(".badge")).hasCount(0);
        annPage.send("and one back");
        benPage.expectDelivered("and one back");
    }

    @Test
    void editsDeletionsAndReactionsReachTheOtherPerson() {
        ChatPage annPage = ChatPage.signIn(web.browsers().desktop(), web.url("/c/" + general.id()), "ann",
                TestUsers.PASSWORD);
        ChatPage benPage = ChatPage.signIn(web.browsers().desktop(), web.url("/c/" + general.id()), "ben",
                TestUsers.PASSWORD);
        annPage.send("first version");
        benPage.expectDelivered("first version");

        Locator mine = annPage.expectDelivered("first version");
        mine.hover();
        mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit message")).click();
        Locator editor = annPage.page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Edit message"));
        editor.fill("second version");
        editor.press("Enter");
        assertThat(benPage.message("second version")).containsText("(edited)");

        Locator theirs = benPage.message("second version");
        theirs.hover();
        theirs.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add reaction")).click();
        benPage.dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("React with party"))
                .click();
        Locator reaction = annPage.message("second version").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(Pattern.compile("^🎉 1: ben")));
        assertThat(reaction).isVisible();
        reaction.click();
        assertThat(benPage.message("second version").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(Pattern.compile("^🎉 2: ")))).isVisible();

        annPage.send("a message to delete");
        Locator doomed = annPage.expectDelivered("a message to delete");
        benPage.expectDelivered("a message to delete");
        doomed.hover();
        doomed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete message")).click();
        annPage.dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete message"))
                .click();
        assertThat(benPage.message("a message to delete")).hasCount(0);
        assertThat(benPage.messages().getByText("This message was deleted.")).isVisible();
        org.assertj.core.api.Assertions.assertThat(web.browsers().pageErrors()).isEmpty();
    }
}
