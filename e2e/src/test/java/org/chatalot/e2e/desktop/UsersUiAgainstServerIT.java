package org.chatalot.e2e.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

import org.chatalot.model.admin.AdminUser;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/**
 * The real window (headless on Monocle without a display) against the real server: sign in, find a member,
 * suspend them with a reason and see both the row and the server change; and a refusal shown in the server's
 * words under the table.
 */
class UsersUiAgainstServerIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @RegisterExtension
    final AdminWindow window = AdminWindow.create("admin-ui-", Duration.ofSeconds(30));

    private static RealServer real;

    @BeforeAll
    static void accounts() {
        real = new RealServer(server);
        server.users().owner();
        server.users().register("ui.bob");
        server.users().admin("ui.admin");
        server.users().admin("ui.other.admin");
    }

    private TableView<AdminUser> signInAndFind(FxRobot robot, String username, String search)
            throws Exception {
        window.fill("#url", server.server().baseUri().toString());
        window.fill("#username", username);
        window.fill("#password", TestUsers.PASSWORD);
        robot.clickOn("#signIn");
        window.until(() -> robot.lookup("#table").tryQuery().isPresent());
        TableView<AdminUser> table = robot.lookup("#table").queryTableView();
        window.until(() -> !table.getItems().isEmpty());
        window.fill("#search", search);
        robot.type(KeyCode.ENTER);
        window.until(() -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        return table;
    }

    private static void confirm(FxRobot robot, String label) {
        Button button = robot.lookup((Node node) -> node instanceof Button candidate
                && label.equals(candidate.getText())).queryButton();
        robot.interact(button::fire);
    }

    @Test
    void signInSearchSuspendAndSeeTheRowAndTheServerChange(FxRobot robot) throws Exception {
        TableView<AdminUser> table = signInAndFind(robot, "owner", "ui.bob");
        assertThat(robot.lookup("#suspend").queryButton().isDisabled()).as("suspend offered").isFalse();
        robot.clickOn("#suspend");
        window.until(() -> robot.lookup("#reason").tryQuery().isPresent());
        window.fill("#reason", "Posting spam");
        confirm(robot, "Suspend");

        window.until(() -> table.getItems().size() == 1
                && table.getItems().get(0).status().wireName().equals("suspended"));
        window.until(() -> robot.lookup(".badge-suspended").tryQuery().isPresent());
        Label message = robot.lookup("#message").queryAs(Label.class);
        window.until(() -> message.getText().equals("Suspended ui.bob"));
        RealServer.Answer login = real.login("ui.bob", TestUsers.PASSWORD);
        assertThat(login.code()).isEqualTo("account_suspended");
        assertThat(login.message()).contains("Posting spam");
    }

    @Test
    void anAdminActingOnAnotherAdminSeesTheServersRefusal(FxRobot robot) throws Exception {
        signInAndFind(robot, "ui.admin", "ui.other.admin");
        robot.clickOn("#resetPassword");
        window.until(() -> robot.lookup("Reset password ui.other.admin").tryQuery().isPresent());
        confirm(robot, "Reset password");

        Label error = robot.lookup("#error").queryAs(Label.class);
        window.until(() -> error.getText().equals("only an owner can reset the password of another admin"));
        assertThat(real.login("ui.other.admin", TestUsers.PASSWORD).status()).as("password unchanged")
                .isEqualTo(200);
    }
}
