package org.chatalot.e2e.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

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
 * The history in the real window against the real server: checks made in one run of the app are there after it is
 * closed and opened again (a new object graph on the same folders), read from the profile's private file.
 */
class HistoryAcrossRestartsUiIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @RegisterExtension
    final AdminWindow window = AdminWindow.create("admin-history-", Duration.ofSeconds(15));

    @BeforeAll
    static void owner() {
        server.users().owner();
    }

    private void signInAndOpenHistory(FxRobot robot) throws Exception {
        window.fill("#name", "Production");
        window.fill("#url", server.server().baseUri().toString());
        window.fill("#username", "owner");
        window.fill("#password", TestUsers.PASSWORD);
        robot.clickOn("#signIn");
        window.until(() -> robot.lookup("#nav-history").tryQuery().isPresent());
        window.click("#nav-history");
        window.until(() -> robot.lookup("#events").tryQuery().isPresent());
    }

    private static String availability(FxRobot robot) {
        return robot.lookup("#availability").queryAs(Label.class).getText();
    }

    @Test
    void checksMadeBeforeTheAppWasClosedAreShownAfterItIsOpenedAgain(FxRobot robot) throws Exception {
        signInAndOpenHistory(robot);
        window.until(() -> availability(robot).endsWith("(1 of 1)"));
        window.click("#checkNow");
        window.until(() -> availability(robot).equals("100.0 % up (2 of 2)"));
        TableView<HistoryViewModel.Event> events = robot.lookup("#events").queryTableView();
        assertThat(events.getItems()).extracting(HistoryViewModel.Event::what).containsExactly("Server up");

        window.click("#signOut");
        window.until(() -> robot.lookup("#signIn").tryQuery().isPresent());
        robot.interact(window::restart);
        signInAndOpenHistory(robot);
        window.until(() -> availability(robot).equals("100.0 % up (3 of 3)"));
        window.click("#range-week");
        assertThat(availability(robot)).isEqualTo("100.0 % up (3 of 3)");

        List<Path> files;
        try (Stream<Path> listed = Files.list(window.directories().history())) {
            files = listed.toList();
        }
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).startsWith("Production-");
            assertThat(Files.readAllLines(file)).hasSize(3).allMatch(line -> line.contains("\"kind\":\"health\""));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        });
    }
}
