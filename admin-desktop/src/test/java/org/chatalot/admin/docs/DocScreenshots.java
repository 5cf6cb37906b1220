package org.chatalot.admin.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.chatalot.admin.AppGraph;
import org.chatalot.admin.MainWindow;
import org.chatalot.admin.doctor.FakeChecks;
import org.chatalot.admin.doctor.Finding;
import org.chatalot.admin.testing.StubAdminServer;
import org.chatalot.admin.testing.TestCertificates;
import org.chatalot.admin.testing.TlsStub;

/**
 * Screenshots for docs/admin-app.md from the real window under Xvfb ({@code import -window root}). Runs only when
 * asked: {@code xvfb-run -a -s "-screen 0 1280x800x24" mvn -o -pl admin-desktop -am test -Dtest=DocScreenshots
 * -Dscreenshots.dir=$PWD/docs/images -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class DocScreenshots {
    private final Path out = Path.of(System.getProperty("screenshots.dir", "."));
    private StubAdminServer stub;
    private TlsStub tls;
    private AppGraph graph;

    @Start
    void start(Stage stage) throws Exception {
        stub = new StubAdminServer();
        tls = new TlsStub(TestCertificates.selfSigned("localhost"), true);
        FakeChecks checks = new FakeChecks();
        checks.willReport(sampleFindings().toArray(Finding[]::new));
        graph = new AppGraph(Files.createTempDirectory("admin-shots-"), Platform::runLater, checks);
        new MainWindow(graph).show(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void stop() {
        graph.close();
        stub.close();
        tls.close();
    }

    @Test
    void everyScreen(FxRobot robot) throws Exception {
        robot.clickOn("#name").write("Production");
        robot.clickOn("#url").eraseText(8).write(tls.url("localhost").toString());
        robot.clickOn("#viewCertificate");
        until(() -> robot.lookup("#pinCertificate").tryQuery().map(n -> n.isVisible()).orElse(false));
        shot("01-first-connection-pinning.png");

        robot.clickOn("#url").eraseText(40).write(stub.url().toString());
        robot.interact(() -> robot.lookup("#trust").queryAs(ChoiceBox.class).getSelectionModel()
                .select(0));
        robot.clickOn("#username").write("owner");
        robot.clickOn("#password").write(StubAdminServer.PASSWORD);
        robot.clickOn("#signIn");
        until(() -> robot.lookup("#table").tryQuery().isPresent());
        TableView<?> users = robot.lookup("#table").queryTableView();
        until(() -> users.getItems().size() == 25);
        shot("02-users.png");

        robot.clickOn("#search").write("bob").type(KeyCode.ENTER);
        until(() -> users.getItems().size() == 1);
        robot.interact(() -> users.getSelectionModel().select(0));
        robot.clickOn("#suspend");
        until(() -> robot.lookup("#reason").tryQuery().isPresent());
        robot.clickOn("#reason").write("Posting spam links in #general");
        shot("03-suspend-dialog.png");
        Button confirm = robot.lookup((Node node) -> node instanceof Button button
                && "Suspend".equals(button.getText())).queryButton();
        robot.interact(confirm::fire);
        until(() -> robot.lookup(".badge-suspended").tryQuery().isPresent());
        shot("04-user-suspended.png");

        screen(robot, "#nav-invites", "05-invites.png");
        screen(robot, "#nav-audit", "06-audit.png");
        screen(robot, "#nav-settings", "07-settings.png");
        screen(robot, "#nav-backups", "08-backups.png");
        robot.clickOn("#nav-health");
        for (int i = 0; i < 6; i++) {
            robot.interact(() -> robot.lookup("#pollNow").queryButton().fire());
            Thread.sleep(250);
        }
        shot("09-health.png");
        robot.clickOn("#nav-checks");
        robot.clickOn("#run");
        until(() -> robot.lookup("#findings").queryTableView().getItems().size() == sampleFindings().size());
        robot.clickOn("#periodic");
        shot("10-deployment-check.png");
    }

    private void screen(FxRobot robot, String nav, String file) throws Exception {
        robot.clickOn(nav);
        Thread.sleep(600);
        shot(file);
    }

    private void shot(String file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        Files.createDirectories(out);
        Process process = new ProcessBuilder("import", "-window", "root", out.resolve(file).toString())
                .inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    private static List<Finding> sampleFindings() {
        return List.of(
                Finding.pass("dns.resolve", "DNS", "chat.example.com → 203.0.113.10"),
                Finding.pass("tls.handshake", "TLS handshake", "TLSv1.3, verified with system CAs in 41 ms"),
                Finding.pass("tls.protocols", "TLS versions", "1.2 and 1.3 offered; 1.0 and 1.1 refused"),
                Finding.pass("tls.hostname", "Certificate names", "chat.example.com is among [DNS:chat.example.com]"),
                Finding.warn("tls.expiry", "Certificate validity", "expires 2026-12-27 (30 days left, 33% of its"
                        + " lifetime)", "Renew the certificate (certbot renew) and reload the proxy."),
                Finding.pass("http.redirect", "HTTP redirects to HTTPS", "http:// answers 301 to https://"),
                Finding.pass("http.health", "GET /api/health over HTTPS", "HTTP 200 in 23 ms"),
                Finding.fail("ws.idle", "Idle WebSocket", "closed by the proxy after 60 s", "In the nginx location"
                        + " for /ws: proxy_read_timeout 86400s;"),
                Finding.pass("proxy.forwarded", "Forwarded headers", "client IP 198.51.100.7, scheme https"));
    }
}
