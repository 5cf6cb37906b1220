package org.chatalot.e2e.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

import org.chatalot.model.auth.AuthConfig;
import org.chatalot.model.auth.RecoverRequest;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/**
 * A brand-new server in the real window: the app sees it has no owner and offers its setup instead of a sign-in
 * that cannot succeed; the owner is created with the setup code, the recovery code is shown once with a copy
 * button, and the admin lands signed in on the server they now own.
 */
class FirstOwnerSetupUiIT {
    private static final String NEW_PASSWORD = "a much longer new password";

    @RegisterExtension
    static TestServer server = TestServer.create();

    @RegisterExtension
    final AdminWindow window = AdminWindow.create("admin-setup-", Duration.ofSeconds(15));

    @Test
    void aServerWithoutAnOwnerIsSetUpFromTheAppWhichThenSignsInAsTheOwner(FxRobot robot) throws Exception {
        assertThat(server.read(server.get("/api/auth/config"), AuthConfig.class).setupRequired()).isTrue();
        window.fill("#name", "Fresh");
        window.fill("#url", server.server().baseUri().toString());
        robot.clickOn("#username");
        window.until(() -> window.isVisible("#setupCard"));
        assertThat(window.isVisible("#signIn")).as("no sign-in that cannot succeed").isFalse();
        assertThat(robot.lookup("#setupHint").queryAs(Label.class).getText()).contains("setup-code");

        String setupCode = Files.readString(server.dataDir().resolve("setup-code")).strip();
        window.fill("#setupCode", setupCode);
        window.fill("#setupUsername", "founder");
        window.fill("#setupDisplayName", "The Founder");
        window.fill("#setupPassword", TestUsers.PASSWORD);
        window.fill("#setupConfirm", TestUsers.PASSWORD);
        window.click("#setUp");

        window.until(() -> window.isVisible("#recoveryOverlay"));
        String recoveryCode = robot.lookup("#recoveryCode").queryAs(TextInputControl.class).getText();
        assertThat(recoveryCode).isNotBlank();
        assertThat(robot.lookup("#continueAfterSetup").queryButton().isDisabled()).as("until saved").isTrue();
        window.click("#copyRecoveryCode");
        window.until(() -> robot.lookup("#copied").queryAs(Label.class).getText().startsWith("Copied"));
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo(recoveryCode);
        robot.interact(() -> robot.lookup("#recoverySaved").queryAs(CheckBox.class).setSelected(true));
        window.click("#continueAfterSetup");

        window.until(() -> robot.lookup("#identity").tryQuery().isPresent());
        Label identity = robot.lookup("#identity").queryAs(Label.class);
        window.until(() -> identity.getText().startsWith("founder (owner) @ Fresh"));
        assertThat(server.read(server.get("/api/auth/config"), AuthConfig.class).setupRequired()).isFalse();
        assertThat(server.users().login("founder", TestUsers.PASSWORD).user().role().wireName()).isEqualTo("owner");
        assertThat(server.users().post(null, "/api/auth/recover", new RecoverRequest("founder", recoveryCode,
                NEW_PASSWORD)).statusCode()).as("the code shown is the account's recovery code").isEqualTo(200);
    }
}
