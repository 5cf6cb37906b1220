package org.chatalot.e2e.desktop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.chatalot.admin.AppGraph;
import org.chatalot.admin.MainWindow;
import org.chatalot.admin.connection.AppDirectories;
import org.chatalot.admin.doctor.DeploymentChecks;
import org.chatalot.admin.doctor.DoctorChecks;
import org.chatalot.admin.login.TrustChoice;
import org.chatalot.e2e.doctor.FrontFixture;
import org.chatalot.model.admin.AdminChannel;
import org.chatalot.server.testing.MutableClock;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.testing.Nginx;
import org.chatalot.testing.TempDirs;

/**
 * The admin guide's screenshots, from the real window under Xvfb ({@code import -window root}), showing a real
 * server behind the installer's nginx site with a local-CA certificate: the app pins it, signs in through nginx
 * and every screen shows what that server holds. Runs only when asked:
 * <pre>
 * xvfb-run -a -s "-screen 0 1280x800x24" mvn -B -o verify -pl shared-model,test-support,server,installer,\
 *     admin-desktop,e2e -Dtest=DocScreenshotsIT -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dscreenshots.dir=$PWD/docs/images
 * </pre>
 * Two liberties. The checks are told the front's plain-HTTP port (as {@code --http-port} would) and hold the idle
 * WebSocket 2 s instead of 75 s, because the test's nginx cannot listen on port 80. And time is moved: the server
 * lived through a month of chat ({@link DocInstance}) and the app's history was taken over six hours, both with
 * clocks the test advances; every check in that history is a real one against the server.
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class DocScreenshotsIT {
    private static final FrontFixture FRONT = new FrontFixture();
    private static final FrontFixture FRESH_FRONT = new FrontFixture();
    private static final MutableClock SERVER_CLOCK = new MutableClock(Instant.now().minus(Duration.ofDays(30))
            .truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(9)));
    private static final Duration HISTORY = Duration.ofHours(6);

    @RegisterExtension
    static TestServer server = TestServer.create().with("PUBLIC_URL", FRONT.publicUrl()).withClock(SERVER_CLOCK);

    /** A server just installed: no owner yet, for the first-owner setup. */
    @RegisterExtension
    static TestServer fresh = TestServer.create().with("PUBLIC_URL", FRESH_FRONT.publicUrl());

    private static Nginx nginx;
    private static Nginx freshNginx;
    private final Path out = Path.of(System.getProperty("screenshots.dir", "."));
    private final MutableClock appClock = new MutableClock(Instant.now().minus(HISTORY));
    private AppGraph graph;
    private AppDirectories directories;

    @BeforeAll
    static void instance() throws Exception {
        nginx = Nginx.withSite(FRONT.healthySite(server.server().port())).start(FRONT.httpsPort);
        freshNginx = Nginx.withSite(FRESH_FRONT.healthySite(fresh.server().port())).start(FRESH_FRONT.httpsPort);
        new DocInstance(server, SERVER_CLOCK).live();
    }

    @AfterAll
    static void cleanUp() {
        nginx.close();
        freshNginx.close();
        FRONT.close();
        FRESH_FRONT.close();
    }

    @Start
    void start(Stage stage) {
        directories = AppDirectories.under(TempDirs.create("admin-shots-"));
        DoctorChecks doctor = new DoctorChecks(Clock.systemUTC());
        DeploymentChecks checks = (request, progress) -> doctor.run(request.withHttpPort(FRONT.httpPort)
                .withIdle(Duration.ofSeconds(2)), progress);
        graph = new AppGraph(directories, Platform::runLater, AppGraph.defaults().withChecks(checks)
                .withClock(appClock));
        new MainWindow(graph).show(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void stop() {
        graph.close();
        TempDirs.deleteRecursively(directories.config());
    }

    @Test
    void everyScreen(FxRobot robot) throws Exception {
        signIn(robot);
        users(robot);
        screen(robot, "#nav-invites", "05-invites.png");
        channels(robot);
        screen(robot, "#nav-audit", "06-audit.png");
        screen(robot, "#nav-stats", "12-statistics.png");
        screen(robot, "#nav-settings", "07-settings.png");
        screen(robot, "#nav-backups", "08-backups.png");
        click(robot, "#nav-health");
        // a minute of polls every 5 s, on the app's clock, each a real request through nginx
        for (int i = 0; i < 12; i++) {
            appClock.advance(Duration.ofSeconds(5));
            int before = pointsShown(robot);
            robot.interact(() -> robot.lookup("#pollNow").queryButton().fire());
            until(() -> pointsShown(robot) > before);
        }
        shot("09-health.png");
        history(robot);
        checks(robot);
        click(robot, "#nav-history");
        until(() -> robot.lookup("#events").queryTableView().getItems().size() >= 4);
        shot("13-history.png");
        click(robot, "#dismissBanner");
        click(robot, "#darkTheme");
        click(robot, "#nav-stats");
        Thread.sleep(800);
        shot("14-dark-theme.png");
        click(robot, "#darkTheme");
        firstOwner(robot);
    }

    private void signIn(FxRobot robot) throws Exception {
        fill(robot, "#name", "Production");
        fill(robot, "#url", FRONT.publicUrl());
        robot.interact(() -> robot.lookup("#trust").queryAs(ChoiceBox.class).setValue(TrustChoice.PINNED));
        click(robot, "#viewCertificate");
        until(() -> robot.lookup("#pinCertificate").tryQuery().map(Node::isVisible).orElse(false));
        shot("01-first-connection-pinning.png");

        click(robot, "#pinCertificate");
        fill(robot, "#username", "owner");
        fill(robot, "#password", TestUsers.PASSWORD);
        click(robot, "#signIn");
        until(() -> robot.lookup("#table").tryQuery().isPresent());
    }

    private void users(FxRobot robot) throws Exception {
        TableView<?> users = robot.lookup("#table").queryTableView();
        until(() -> users.getItems().size() == 25);
        shot("02-users.png");

        fill(robot, "#search", "bob");
        robot.type(KeyCode.ENTER);
        until(() -> users.getItems().size() == 1);
        robot.interact(() -> users.getSelectionModel().select(0));
        click(robot, "#suspend");
        until(() -> robot.lookup("#reason").tryQuery().isPresent());
        fill(robot, "#reason", "Posting spam links in #general");
        shot("03-suspend-dialog.png");
        Button confirm = robot.lookup((Node node) -> node instanceof Button button
                && "Suspend".equals(button.getText())).queryButton();
        robot.interact(confirm::fire);
        until(() -> robot.lookup(".badge-suspended").tryQuery().isPresent());
        shot("04-user-suspended.png");
    }

    /**
     * Six hours of background checks, one every 20 minutes of the app's clock, each a real check of the server
     * through nginx; for two of them the server is down behind the working proxy (nginx answers 502).
     */
    private void history(FxRobot robot) throws Exception {
        click(robot, "#nav-history");
        for (int step = 1; step <= HISTORY.toMinutes() / 20; step++) {
            appClock.advance(Duration.ofMinutes(20));
            if (step == 9) {
                server.stop();
            }
            if (step == 11) {
                server.start();
                nginx.reload(FRONT.healthySite(server.server().port()));
            }
            int before = checksShown(robot);
            click(robot, "#checkNow");
            until(() -> checksShown(robot) > before);
        }
    }

    /** How many answers the Health screen's response-time chart shows. */
    private static int pointsShown(FxRobot robot) {
        LineChart<?, ?> chart = robot.lookup("#chart").queryAs(LineChart.class);
        return chart.getData().isEmpty() ? 0 : chart.getData().get(0).getData().size();
    }

    /** M of the availability tile's "… (N of M)": how many background checks the history holds. */
    private static int checksShown(FxRobot robot) {
        String text = robot.lookup("#availability").queryLabeled().getText();
        int of = text.lastIndexOf(" of ");
        return of < 0 ? 0 : Integer.parseInt(text.substring(of + 4, text.length() - 1));
    }

    /** The channel list, with the members of the private #support channel open. */
    private void channels(FxRobot robot) throws Exception {
        click(robot, "#nav-channels");
        TableView<AdminChannel> table = robot.lookup("#table").queryTableView();
        until(() -> table.getItems().stream().anyMatch(c -> "support".equals(c.name())));
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(c -> "support".equals(c.name())).findFirst().orElseThrow()));
        click(robot, "#members");
        until(() -> robot.lookup("#membersTable").tryQuery().map(node -> ((TableView<?>) node).getItems().size() == 4)
                .orElse(false));
        shot("11-channels.png");
        Button close = robot.lookup((Node node) -> node instanceof Button button && "Close".equals(button.getText()))
                .queryButton();
        robot.interact(close::fire);
    }

    private void checks(FxRobot robot) throws Exception {
        click(robot, "#nav-checks");
        click(robot, "#run");
        Button run = robot.lookup("#run").queryButton();
        TableView<?> findings = robot.lookup("#findings").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !run.isDisabled() && findings.getItems().size() >= 19);
        click(robot, "#periodic");
        shot("10-deployment-check.png");
    }

    /** A second, brand-new server: the app offers its setup, then shows the recovery code once. */
    private void firstOwner(FxRobot robot) throws Exception {
        click(robot, "#signOut");
        until(() -> robot.lookup("#newProfile").tryQuery().isPresent());
        click(robot, "#newProfile");
        fill(robot, "#name", "New office server");
        fill(robot, "#url", FRESH_FRONT.publicUrl());
        robot.interact(() -> robot.lookup("#trust").queryAs(ChoiceBox.class).setValue(TrustChoice.PINNED));
        click(robot, "#viewCertificate");
        until(() -> robot.lookup("#pinCertificate").tryQuery().map(Node::isVisible).orElse(false));
        click(robot, "#pinCertificate");
        until(() -> robot.lookup("#setupCard").tryQuery().map(Node::isVisible).orElse(false));
        robot.interact(() -> robot.lookup(".login-scroll").queryAllAs(ScrollPane.class)
                .forEach(pane -> pane.setVvalue(1)));
        set(robot, "#setupCode", Files.readString(fresh.dataDir().resolve("setup-code")).strip());
        set(robot, "#setupUsername", "ada");
        set(robot, "#setupDisplayName", "Ada Lovelace");
        set(robot, "#setupEmail", "ada@example.com");
        set(robot, "#setupPassword", TestUsers.PASSWORD);
        set(robot, "#setupConfirm", TestUsers.PASSWORD);
        shot("15-first-owner-setup.png");
        Button setUp = robot.lookup("#setUp").queryButton();
        robot.interact(setUp::fire);
        until(() -> robot.lookup("#recoveryOverlay").tryQuery().map(Node::isVisible).orElse(false));
        click(robot, "#copyRecoveryCode");
        until(() -> robot.lookup("#copied").queryLabeled().getText().startsWith("Copied"));
        shot("16-recovery-code.png");
    }

    private static void fill(FxRobot robot, String query, String text) throws Exception {
        click(robot, query);
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    /** Types into a field that may be scrolled out of view (the setup form under the certificate). */
    private static void set(FxRobot robot, String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    /** Waits for the control and for the UI thread to settle, then clicks it like a user. */
    private static void click(FxRobot robot, String query) throws Exception {
        until(() -> robot.lookup(query).tryQuery().map(node -> node.getScene() != null && node.isVisible())
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query);
    }

    private void screen(FxRobot robot, String nav, String file) throws Exception {
        click(robot, nav);
        Thread.sleep(800);
        shot(file);
    }

    private void shot(String file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        Files.createDirectories(out);
        Process process = new ProcessBuilder(List.of("import", "-window", "root", out.resolve(file).toString()))
                .inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }
}
