package org.chatalot.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.chatalot.admin.connection.TrustMode;
import org.chatalot.admin.doctor.CheckRequest;
import org.chatalot.admin.doctor.ChecksView;
import org.chatalot.admin.doctor.ChecksViewModel;
import org.chatalot.admin.doctor.DoctorResults;
import org.chatalot.admin.doctor.FakeChecks;
import org.chatalot.admin.testing.ImmediateTaskRunner;
import org.chatalot.admin.testing.ManualTicker;
import org.chatalot.installer.doctor.Finding;

/** The check screen in a real window: run, see each finding with its evidence and the certificate card. */
@ExtendWith(ApplicationExtension.class)
class ChecksUiTest {
    private final FakeChecks checks = new FakeChecks();

    @Start
    void start(Stage stage) {
        checks.willReport(Finding.pass("tls.handshake", "TLS handshake", "verified with system CAs"),
                Finding.warn("http.hsts", "HSTS header", "no Strict-Transport-Security header", "add_header …"));
        ChecksViewModel model = new ChecksViewModel(new ImmediateTaskRunner(), checks,
                () -> CheckRequest.of(URI.create("https://chat.example.com"), TrustMode.system()), new ManualTicker(),
                DoctorResults.NONE, Clock.systemUTC());
        Scene scene = new Scene(new ChecksView(model).root(), 1100, 700);
        scene.getStylesheets().add(ChecksView.class.getResource("/org/chatalot/admin/shell/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void runningShowsFindingsAndTheCertificate(FxRobot robot) {
        robot.clickOn("#run");
        TableView<Finding> table = robot.lookup("#findings").queryTableView();
        assertThat(table.getItems()).extracting(Finding::id).containsExactly("tls.handshake", "http.hsts");
        assertThat(robot.lookup("#summary").queryAs(Label.class).getText()).startsWith("WARN");
        assertThat(robot.lookup("#daysLeft").queryAs(Label.class).getText()).isEqualTo("30 days left");
        assertThat(robot.lookup("no Strict-Transport-Security header").tryQuery()).isPresent();
    }
}
