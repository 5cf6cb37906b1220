package org.chatalot.e2e.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.chatalot.admin.AppGraph;
import org.chatalot.admin.MainWindow;
import org.chatalot.model.admin.AdminUser;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.testing.TempDirs;

/**
 * The real window (headless on Monocle without a display) against the real server: sign in, find a member,
 * suspend them with a reason and see both the row and the server change; and a refusal shown in the server's
 * words under the table.
 */
@ExtendWith(ApplicationExtension.class)
class UsersUiAgainstServerIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    private static RealServer real;
    private AppGraph graph;
    private Path config;

    @BeforeAll
    static void accounts() {
        real = new RealServer(server);
        server.users().owner();
        server.users().register("ui.bob");
        server.users().admin("ui.admin");
        server.users().admin("ui.other.admin");
    }

    @Start
    void start(Stage stage) {
        config = TempDirs.create("admin-ui-");
        graph = new AppGraph(config, Platform::runLater);
        new MainWindow(graph).show(stage);
    }

    @AfterEach
    void stop() {
        graph.close();
        TempDirs.deleteRecursively(config);
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    private static TableView<AdminUser> signInAndFind(FxRobot robot, String username, String search)
            throws Exception {
        fill(robot, "#url", server.server().baseUri().toString());
        fill(robot, "#username", username);
        fill(robot, "#password", TestUsers.PASSWORD);
        robot.clickOn("#signIn");
        until(() -> robot.lookup("#table").tryQuery().isPresent());
        TableView<AdminUser> table = robot.lookup("#table").queryTableView();
        until(() -> !table.getItems().isEmpty());
        fill(robot, "#search", search);
        robot.type(KeyCode.ENTER);
        until(() -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        return table;
    }

    /**
     * Focuses the field with a real click, then sets its text: the robot types about ten characters a second on
     * Monocle, which made this test spend most of its time typing a URL and a password.
     */
    private static void fill(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
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
        until(() -> robot.lookup("#reason").tryQuery().isPresent());
        fill(robot, "#reason", "Posting spam");
        confirm(robot, "Suspend");

        until(() -> table.getItems().size() == 1 && table.getItems().get(0).status().wireName().equals("suspended"));
        until(() -> robot.lookup(".badge-suspended").tryQuery().isPresent());
        Label message = robot.lookup("#message").queryAs(Label.class);
        until(() -> message.getText().equals("Suspended ui.bob"));
        RealServer.Answer login = real.login("ui.bob", TestUsers.PASSWORD);
        assertThat(login.code()).isEqualTo("account_suspended");
        assertThat(login.message()).contains("Posting spam");
    }

    @Test
    void anAdminActingOnAnotherAdminSeesTheServersRefusal(FxRobot robot) throws Exception {
        signInAndFind(robot, "ui.admin", "ui.other.admin");
        robot.clickOn("#resetPassword");
        until(() -> robot.lookup("Reset password ui.other.admin").tryQuery().isPresent());
        confirm(robot, "Reset password");

        Label error = robot.lookup("#error").queryAs(Label.class);
        until(() -> error.getText().equals("only an owner can reset the password of another admin"));
        assertThat(real.login("ui.other.admin", TestUsers.PASSWORD).status()).as("password unchanged")
                .isEqualTo(200);
    }
}
