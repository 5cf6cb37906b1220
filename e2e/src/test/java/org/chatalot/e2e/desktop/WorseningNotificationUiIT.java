package org.chatalot.e2e.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
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
import org.chatalot.admin.history.HistoryViewModel;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.testing.TempDirs;

/**
 * A result getting worse in the real window: the server stops, the background check finds it unreachable, and the
 * admin is notified (the in-app banner here: neither Monocle nor a bare Xvfb has a system tray); the history says
 * what happened and the health tiles keep their last values, greyed, as "last known".
 */
@ExtendWith(ApplicationExtension.class)
class WorseningNotificationUiIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    private AppGraph graph;
    private Path config;

    @BeforeAll
    static void owner() {
        server.users().owner();
    }

    @Start
    void start(Stage stage) {
        config = TempDirs.create("admin-notify-");
        graph = new AppGraph(config, Platform::runLater);
        new MainWindow(graph).show(stage);
    }

    @AfterEach
    void stop() {
        graph.close();
        TempDirs.deleteRecursively(config);
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
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

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void theServerGoingDownNotifiesAndTheTilesShowWhatWasLastKnown(FxRobot robot) throws Exception {
        fill(robot, "#name", "Staging");
        fill(robot, "#url", server.server().baseUri().toString());
        fill(robot, "#username", "owner");
        fill(robot, "#password", TestUsers.PASSWORD);
        robot.clickOn("#signIn");
        until(() -> robot.lookup("#nav-health").tryQuery().isPresent());
        click(robot, "#nav-health");
        until(() -> text(robot, "#tile-sockets").matches("\\d+"));
        click(robot, "#nav-history");
        until(() -> text(robot, "#availability").endsWith("(1 of 1)"));
        assertThat(robot.lookup("#banner").queryAs(Node.class).isVisible()).as("nothing worse yet").isFalse();
        assertThat(text(robot, "#notifications")).contains("in-app banner");

        server.stop();
        click(robot, "#checkNow");
        until(() -> robot.lookup("#banner").queryAs(Node.class).isVisible());
        assertThat(text(robot, "#bannerText")).startsWith("Staging got worse: Server: ok → unreachable")
                .contains("refused");
        TableView<HistoryViewModel.Event> events = robot.lookup("#events").queryTableView();
        until(() -> !events.getItems().isEmpty() && events.getItems().get(0).what().startsWith(
                "Server unreachable"));
        assertThat(events.getItems().get(0).state()).isEqualTo("fail");

        click(robot, "#nav-health");
        until(() -> text(robot, "#tile-server").equals("Unreachable"));
        Label sockets = robot.lookup("#tile-sockets").queryAs(Label.class);
        assertThat(sockets.getText()).as("the last value, kept").matches("\\d+");
        assertThat(sockets.getParent().getStyleClass()).contains("state-stale");
        assertThat(text(robot, "#tile-sockets-note")).startsWith("last known ");

        click(robot, "#dismissBanner");
        until(() -> !robot.lookup("#banner").queryAs(Node.class).isVisible());
    }
}
