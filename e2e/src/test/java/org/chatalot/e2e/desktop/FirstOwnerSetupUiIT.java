package org.chatalot.e2e.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.chatalot.admin.AppGraph;
import org.chatalot.admin.MainWindow;
import org.chatalot.model.auth.AuthConfig;
import org.chatalot.model.auth.RecoverRequest;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.testing.TempDirs;

/**
 * A brand-new server in the real window: the app sees it has no owner and offers its setup instead of a sign-in
 * that cannot succeed; the owner is created with the setup code, the recovery code is shown once with a copy
 * button, and the admin lands signed in on the server they now own.
 */
@ExtendWith(ApplicationExtension.class)
class FirstOwnerSetupUiIT {
    private static final String NEW_PASSWORD = "a much longer new password";

    @RegisterExtension
    static TestServer server = TestServer.create();

    private AppGraph graph;
    private Path config;

    @Start
    void start(Stage stage) {
        config = TempDirs.create("admin-setup-");
        graph = new AppGraph(config, Platform::runLater);
        new MainWindow(graph).show(stage);
    }

    @AfterEach
    void stop() {
        graph.close();
        TempDirs.deleteRecursively(config);
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }

    /** Waits for the control and for the UI thread to settle, then clicks it like a user. */
    private static void click(FxRobot robot, String query) throws Exception {
        until(() -> robot.lookup(query).tryQuery().map(node -> node.getScene() != null && node.isVisible())
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query);
    }

    private static void fill(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void aServerWithoutAnOwnerIsSetUpFromTheAppWhichThenSignsInAsTheOwner(FxRobot robot) throws Exception {
        assertThat(server.read(server.get("/api/auth/config"), AuthConfig.class).setupRequired()).isTrue();
        fill(robot, "#name", "Fresh");
        fill(robot, "#url", server.server().baseUri().toString());
        robot.clickOn("#username");
        until(() -> visible(robot, "#setupCard"));
        assertThat(visible(robot, "#signIn")).as("no sign-in that cannot succeed").isFalse();
        assertThat(robot.lookup("#setupHint").queryAs(Label.class).getText()).contains("setup-code");

        String setupCode = Files.readString(server.dataDir().resolve("setup-code")).strip();
        fill(robot, "#setupCode", setupCode);
        fill(robot, "#setupUsername", "founder");
        fill(robot, "#setupDisplayName", "The Founder");
        fill(robot, "#setupPassword", TestUsers.PASSWORD);
        fill(robot, "#setupConfirm", TestUsers.PASSWORD);
        click(robot, "#setUp");

        until(() -> visible(robot, "#recoveryOverlay"));
        String recoveryCode = robot.lookup("#recoveryCode").queryAs(TextInputControl.class).getText();
        assertThat(recoveryCode).isNotBlank();
        assertThat(robot.lookup("#continueAfterSetup").queryButton().isDisabled()).as("until saved").isTrue();
        click(robot, "#copyRecoveryCode");
        until(() -> robot.lookup("#copied").queryAs(Label.class).getText().startsWith("Copied"));
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo(recoveryCode);
        robot.interact(() -> robot.lookup("#recoverySaved").queryAs(CheckBox.class).setSelected(true));
        click(robot, "#continueAfterSetup");

        until(() -> robot.lookup("#identity").tryQuery().isPresent());
        Label identity = robot.lookup("#identity").queryAs(Label.class);
        until(() -> identity.getText().startsWith("founder (owner) @ Fresh"));
        assertThat(server.read(server.get("/api/auth/config"), AuthConfig.class).setupRequired()).isFalse();
        assertThat(server.users().login("founder", TestUsers.PASSWORD).user().role().wireName()).isEqualTo("owner");
        assertThat(server.users().post(null, "/api/auth/recover", new RecoverRequest("founder", recoveryCode,
                NEW_PASSWORD)).statusCode()).as("the code shown is the account's recovery code").isEqualTo(200);
    }
}
