package org.chatalot.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/** Drives the real window (headless on Monocle without a display): sign in, find a user, suspend them. */
@ExtendWith(ApplicationExtension.class)
class UsersUiTest {
    private StubAdminServer stub;
    private AppGraph graph;
    private Path config;

    @Start
    void start(Stage stage) throws Exception {
        stub = new StubAdminServer();
        config = Files.createTempDirectory("admin-ui-");
        graph = new AppGraph(config, Platform::runLater);
        new MainWindow(graph).show(stage);
    }

    @AfterEach
    void stop() {
        graph.close();
        stub.close();
    }

    static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    static void signIn(FxRobot robot, String url) throws Exception {
        robot.clickOn("#url").eraseText(8).write(url);
        robot.clickOn("#username").write("owner");
        robot.clickOn("#password").write(StubAdminServer.PASSWORD);
        robot.clickOn("#signIn");
    }

    @Test
    void signInSearchSuspendAndSeeTheRowChange(FxRobot robot) throws Exception {
        signIn(robot, stub.url().toString());
        until(() -> robot.lookup("#table").tryQuery().isPresent());
        TableView<AdminUser> table = robot.lookup("#table").queryTableView();
        until(() -> table.getItems().size() == 25);

        robot.clickOn("#search").write("bob").type(KeyCode.ENTER);
        until(() -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(robot.lookup("#suspend").queryButton().isDisabled()).as("suspend offered").isFalse();
        robot.clickOn("#suspend");
        until(() -> robot.lookup("#reason").tryQuery().isPresent());
        robot.clickOn("#reason").write("Posting spam");
        robot.clickOn("Suspend");

        until(() -> table.getItems().size() == 1 && table.getItems().get(0).status().wireName().equals("suspended"));
        until(() -> robot.lookup(".badge-suspended").tryQuery().isPresent());
        Label message = robot.lookup("#message").queryAs(Label.class);
        until(() -> message.getText().equals("Suspended bob"));
        assertThat(stub.data().user("bob").orElseThrow().statusReason()).isEqualTo("Posting spam");
    }

    @Test
    void theOwnersProtectionIsShownAsTheServerWordsIt(FxRobot robot) throws Exception {
        signIn(robot, stub.url().toString());
        until(() -> robot.lookup("#table").tryQuery().isPresent());
        TableView<AdminUser> table = robot.lookup("#table").queryTableView();
        until(() -> table.getItems().size() == 25);
        robot.clickOn("#search").write("alice").type(KeyCode.ENTER);
        until(() -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#more");
        until(() -> robot.lookup("Reset 2FA…").tryQuery().isPresent());
        robot.clickOn("Reset 2FA…");
        until(() -> robot.lookup("Reset 2FA alice").tryQuery().isPresent());
        robot.clickOn("Cancel");
        assertThat(stub.requests()).noneMatch(r -> r.contains("totp-reset"));
    }
}
