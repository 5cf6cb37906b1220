package org.chatalot.admin.ui;

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
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.chatalot.admin.AppGraph;
import org.chatalot.admin.MainWindow;
import org.chatalot.admin.testing.StubAdminServer;
import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.Invite;
import org.chatalot.model.user.Role;
import org.chatalot.testing.TempDirs;

/**
 * The whole window against the stub server: the keyboard opens the screens and switches the theme; an invite once
 * revoked can be neither revoked nor copied again; what the app generates is copied with one click.
 */
@ExtendWith(ApplicationExtension.class)
class ShellUiTest {
    private final StubAdminServer stub = startStub();
    private AppGraph graph;
    private Path config;
    private Stage stage;

    private static StubAdminServer startStub() {
        try {
            return new StubAdminServer();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        config = TempDirs.create("admin-shell-");
        graph = new AppGraph(config, Platform::runLater);
        new MainWindow(graph).show(stage);
    }

    @AfterEach
    void stop() {
        graph.close();
        stub.close();
        TempDirs.deleteRecursively(config);
    }

    @Test
    void shortcutsOpenTheScreensAndSwitchTheThemeAndARevokedInviteCannotBeRevokedAgain(FxRobot robot)
            throws Exception {
        signIn(robot);

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        until(() -> "Invites".equals(title(robot)));
        TableView<Invite> invites = robot.lookup("#table").queryTableView();
        until(() -> invites.getItems().size() == 2);
        Button revoke = robot.lookup("#revoke").queryButton();
        Button copy = robot.lookup("#copySelected").queryButton();
        assertThat(revoke.isDisabled()).as("nothing selected").isTrue();
        robot.interact(() -> invites.getSelectionModel().select(0));
        assertThat(revoke.isDisabled()).isFalse();
        robot.clickOn("#revoke");
        Button confirm = waitForButton(robot, "Revoke");
        robot.interact(confirm::fire);
        until(() -> invites.getItems().get(0).revokedAt() != null);
        robot.interact(() -> {
            invites.getSelectionModel().clearSelection();
            invites.getSelectionModel().select(0);
        });
        assertThat(revoke.isDisabled()).as("already revoked").isTrue();
        assertThat(copy.isDisabled()).as("a revoked link registers nobody").isTrue();

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        until(() -> "TLS & deployment".equals(title(robot)));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT8).release(KeyCode.CONTROL);
        until(() -> "Health".equals(title(robot)));

        String dark = MainWindow.class.getResource("shell/dark.css").toExternalForm();
        assertThat(stage.getScene().getStylesheets()).doesNotContain(dark);
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        until(() -> stage.getScene().getStylesheets().contains(dark));
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        until(() -> !stage.getScene().getStylesheets().contains(dark));
    }

    @Test
    void aGeneratedPasswordAndAnInviteLinkAreCopiedWithOneClick(FxRobot robot) throws Exception {
        signIn(robot);
        TableView<AdminUser> users = robot.lookup("#table").queryTableView();
        until(() -> users.getItems().stream().anyMatch(user -> user.role() == Role.MEMBER));
        robot.interact(() -> users.getSelectionModel().select(users.getItems().stream()
                .filter(user -> user.role() == Role.MEMBER).findFirst().orElseThrow()));
        robot.clickOn("#resetPassword");
        Button confirm = waitForButton(robot, "Reset password");
        robot.interact(confirm::fire);
        until(() -> robot.lookup("#copySecret").tryQuery().isPresent());
        String password = robot.lookup("#secret").queryAs(TextInputControl.class).getText();
        assertThat(password).isNotBlank();
        robot.clickOn("#copySecret");
        assertThat(clipboard(robot)).isEqualTo(password);
        robot.interact(waitForButton(robot, "Close")::fire);

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        until(() -> "Invites".equals(title(robot)));
        robot.clickOn("#create");
        TextInputControl link = robot.lookup("#link").queryAs(TextInputControl.class);
        until(() -> link.getText().contains("/?invite="));
        robot.clickOn("#copy");
        assertThat(clipboard(robot)).isEqualTo(link.getText()).startsWith(stub.url().toString());
    }

    private void signIn(FxRobot robot) throws Exception {
        fill(robot, "#name", "Stub");
        fill(robot, "#url", stub.url().toString());
        fill(robot, "#username", "owner");
        fill(robot, "#password", StubAdminServer.PASSWORD);
        robot.clickOn("#signIn");
        until(() -> robot.lookup("#nav-users").tryQuery().isPresent());
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }

    private static String title(FxRobot robot) {
        return robot.lookup("#title").tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }

    private static Button waitForButton(FxRobot robot, String text) throws Exception {
        until(() -> robot.lookup((Node node) -> node instanceof Button button && text.equals(button.getText())
                && node.isVisible()).tryQuery().isPresent());
        return robot.lookup((Node node) -> node instanceof Button button && text.equals(button.getText()))
                .queryButton();
    }

    private static void fill(FxRobot robot, String query, String text) throws Exception {
        until(() -> robot.lookup(query).tryQuery().isPresent());
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }
}
