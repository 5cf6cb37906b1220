package org.chatalot.e2e.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javafx.application.Platform;
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
import org.chatalot.admin.connection.AppDirectories;
import org.chatalot.admin.history.HistoryViewModel;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.testing.TempDirs;

/**
 * The history in the real window against the real server: checks made in one run of the app are there after it is
 * closed and opened again (a new object graph on the same folders), read from the profile's private file.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryAcrossRestartsUiIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    private Stage stage;
    private AppGraph graph;
    private AppDirectories directories;

    @BeforeAll
    static void owner() {
        server.users().owner();
    }

    @Start
    void start(Stage window) {
        stage = window;
        directories = AppDirectories.under(TempDirs.create("admin-history-"));
        open();
    }

    /** A fresh app on the same folders: what a restart is. */
    private void open() {
        graph = new AppGraph(directories, Platform::runLater, AppGraph.defaults());
        new MainWindow(graph).show(stage);
    }

    @AfterEach
    void stop() {
        graph.close();
        TempDirs.deleteRecursively(directories.config());
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

    private static void signInAndOpenHistory(FxRobot robot) throws Exception {
        fill(robot, "#name", "Production");
        fill(robot, "#url", server.server().baseUri().toString());
        fill(robot, "#username", "owner");
        fill(robot, "#password", TestUsers.PASSWORD);
        robot.clickOn("#signIn");
        until(() -> robot.lookup("#nav-history").tryQuery().isPresent());
        click(robot, "#nav-history");
        until(() -> robot.lookup("#events").tryQuery().isPresent());
    }

    private static String availability(FxRobot robot) {
        return robot.lookup("#availability").queryAs(Label.class).getText();
    }

    @Test
    void checksMadeBeforeTheAppWasClosedAreShownAfterItIsOpenedAgain(FxRobot robot) throws Exception {
        signInAndOpenHistory(robot);
        until(() -> availability(robot).endsWith("(1 of 1)"));
        click(robot, "#checkNow");
        until(() -> availability(robot).equals("100.0 % up (2 of 2)"));
        TableView<HistoryViewModel.Event> events = robot.lookup("#events").queryTableView();
        assertThat(events.getItems()).extracting(HistoryViewModel.Event::what).containsExactly("Server up");

        click(robot, "#signOut");
        until(() -> robot.lookup("#signIn").tryQuery().isPresent());
        robot.interact(() -> {
            graph.close();
            open();
        });
        signInAndOpenHistory(robot);
        until(() -> availability(robot).equals("100.0 % up (3 of 3)"));
        click(robot, "#range-week");
        assertThat(availability(robot)).isEqualTo("100.0 % up (3 of 3)");

        List<Path> files;
        try (Stream<Path> listed = Files.list(directories.history())) {
            files = listed.toList();
        }
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).startsWith("Production-");
            assertThat(Files.readAllLines(file)).hasSize(3).allMatch(line -> line.contains("\"kind\":\"health\""));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        });
    }
}
