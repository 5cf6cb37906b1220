package org.chatalot.e2e.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

import org.chatalot.admin.history.HistoryViewModel;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/**
 * A result getting worse in the real window: the server stops, the background check finds it unreachable, and the
 * admin is notified (the in-app banner here: neither Monocle nor a bare Xvfb has a system tray); the history says
 * what happened and the health tiles keep their last values, greyed, as "last known".
 */
class WorseningNotificationUiIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @RegisterExtension
    final AdminWindow window = AdminWindow.create("admin-notify-", Duration.ofSeconds(20));

    @BeforeAll
    static void owner() {
        server.users().owner();
    }

    @Test
    void theServerGoingDownNotifiesAndTheTilesShowWhatWasLastKnown(FxRobot robot) throws Exception {
        window.fill("#name", "Staging");
        window.fill("#url", server.server().baseUri().toString());
        window.fill("#username", "owner");
        window.fill("#password", TestUsers.PASSWORD);
        robot.clickOn("#signIn");
        window.until(() -> robot.lookup("#nav-health").tryQuery().isPresent());
        window.click("#nav-health");
        window.until(() -> window.text("#tile-sockets").matches("\\d+"));
        window.click("#nav-history");
        window.until(() -> window.text("#availability").endsWith("(1 of 1)"));
        assertThat(robot.lookup("#banner").queryAs(Node.class).isVisible()).as("nothing worse yet").isFalse();
        assertThat(window.text("#notifications")).contains("in-app banner");

        server.stop();
        window.click("#checkNow");
        window.until(() -> robot.lookup("#banner").queryAs(Node.class).isVisible());
        assertThat(window.text("#bannerText")).startsWith("Staging got worse: Server: ok → unreachable")
                .contains("refused");
        TableView<HistoryViewModel.Event> events = robot.lookup("#events").queryTableView();
        window.until(() -> !events.getItems().isEmpty() && events.getItems().get(0).what().startsWith(
                "Server unreachable"));
        assertThat(events.getItems().get(0).state()).isEqualTo("fail");

        window.click("#nav-health");
        window.until(() -> window.text("#tile-server").equals("Unreachable"));
        Label sockets = robot.lookup("#tile-sockets").queryAs(Label.class);
        assertThat(sockets.getText()).as("the last value, kept").matches("\\d+");
        assertThat(sockets.getParent().getStyleClass()).contains("state-stale");
        assertThat(window.text("#tile-sockets-note")).startsWith("last known ");

        window.click("#dismissBanner");
        window.until(() -> !robot.lookup("#banner").queryAs(Node.class).isVisible());
    }
}
