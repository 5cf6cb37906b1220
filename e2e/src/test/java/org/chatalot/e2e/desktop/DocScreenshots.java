package org.chatalot.e2e.desktop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
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
import org.chatalot.admin.api.AdminApi;
import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.api.UserAction;
import org.chatalot.admin.api.UserQuery;
import org.chatalot.admin.doctor.DeploymentChecks;
import org.chatalot.admin.doctor.DoctorChecks;
import org.chatalot.admin.login.TrustChoice;
import org.chatalot.e2e.doctor.FrontFixture;
import org.chatalot.model.admin.CreateInviteRequest;
import org.chatalot.model.admin.CreateUserRequest;
import org.chatalot.model.admin.Invite;
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.model.user.Role;
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
 *     admin-desktop,e2e -Dtest=DocScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dscreenshots.dir=$PWD/docs/images
 * </pre>
 * The one liberty: the checks are told the front's plain-HTTP port (as {@code --http-port} would) and hold the idle
 * WebSocket 2 s instead of 75 s, because the test's nginx cannot listen on port 80.
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class DocScreenshots {
    private static final FrontFixture FRONT = new FrontFixture();
    private static final String[][] PEOPLE = {{"alice", "Alice Martin"}, {"bob", "Bob Chen"},
        {"carol", "Carol Diaz"}, {"dave", "Dave Okafor"}, {"erin", "Erin Walsh"}, {"frank", "Frank Müller"},
        {"grace", "Grace Liu"}, {"heidi", "Heidi Berg"}, {"ivan", "Ivan Petrov"}, {"judy", "Judy Alvarez"},
        {"mallory", "Mallory Stone"}, {"niaj", "Niaj Haddad"}, {"olivia", "Olivia Brown"}, {"peggy", "Peggy Ruiz"},
        {"rupert", "Rupert Hale"}, {"sybil", "Sybil Kerr"}, {"trent", "Trent Novak"}, {"uma", "Uma Singh"},
        {"victor", "Victor Lemaire"}, {"walter", "Walter Kim"}, {"xena", "Xena Papadopoulos"},
        {"yara", "Yara Haddad"}, {"zoe", "Zoe Fischer"}, {"arthur", "Arthur Pym"}, {"beatrice", "Beatrice Moreau"},
        {"cedric", "Cedric Obi"}, {"delia", "Delia Santos"}};

    @RegisterExtension
    static TestServer server = TestServer.create().with("PUBLIC_URL", FRONT.publicUrl());

    private static Nginx nginx;
    private final Path out = Path.of(System.getProperty("screenshots.dir", "."));
    private AppGraph graph;
    private Path config;

    @BeforeAll
    static void instance() throws Exception {
        nginx = Nginx.withSite(FRONT.healthySite(server.server().port())).start(FRONT.httpsPort);
        RealServer real = new RealServer(server);
        AdminApi owner = real.signIn("owner").api();
        for (String[] person : PEOPLE) {
            owner.createUser(new CreateUserRequest(person[0], person[1], person[0] + "@example.com",
                    TestUsers.PASSWORD, person[0].equals("alice") ? Role.ADMIN : Role.MEMBER));
        }
        for (String name : new String[] {"alice", "dave", "erin", "grace", "judy", "olivia", "uma", "zoe"}) {
            server.users().login(name, TestUsers.PASSWORD);
        }
        for (String name : new String[] {"grace", "olivia", "zoe"}) {
            real.enableTotp(server.users().login(name, TestUsers.PASSWORD));
        }
        ServerConnection admin = real.signIn("alice");
        admin.api().act(owner.users(UserQuery.firstPage(50)).users().stream()
                .filter(u -> u.username().equals("carol")).findFirst().orElseThrow().id(), UserAction.SUSPEND,
                "Repeated spam in #general");
        owner.createInvite(new CreateInviteRequest(10, 24 * 14));
        Invite single = owner.createInvite(new CreateInviteRequest(1, 48));
        server.users().post(null, "/api/auth/register", new RegisterRequest("hana", "Hana Sato", null,
                TestUsers.PASSWORD, single.code(), null));
        owner.revokeInvite(owner.createInvite(new CreateInviteRequest(5, null)).code());
        owner.createBackup();
    }

    @AfterAll
    static void cleanUp() {
        nginx.close();
        FRONT.close();
    }

    @Start
    void start(Stage stage) {
        config = TempDirs.create("admin-shots-");
        DoctorChecks doctor = new DoctorChecks(Clock.systemUTC());
        DeploymentChecks checks = (request, progress) -> doctor.run(request.withHttpPort(FRONT.httpPort)
                .withIdle(Duration.ofSeconds(2)), progress);
        graph = new AppGraph(config, Platform::runLater, checks);
        new MainWindow(graph).show(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void stop() {
        graph.close();
        TempDirs.deleteRecursively(config);
    }

    @Test
    void everyScreen(FxRobot robot) throws Exception {
        fill(robot, "#name", "Production");
        fill(robot, "#url", FRONT.publicUrl());
        robot.interact(() -> robot.lookup("#trust").queryAs(ChoiceBox.class).setValue(TrustChoice.PINNED));
        robot.clickOn("#viewCertificate");
        until(() -> robot.lookup("#pinCertificate").tryQuery().map(Node::isVisible).orElse(false));
        shot("01-first-connection-pinning.png");

        robot.clickOn("#pinCertificate");
        fill(robot, "#username", "owner");
        fill(robot, "#password", TestUsers.PASSWORD);
        robot.clickOn("#signIn");
        until(() -> robot.lookup("#table").tryQuery().isPresent());
        TableView<?> users = robot.lookup("#table").queryTableView();
        until(() -> users.getItems().size() == 25);
        shot("02-users.png");

        fill(robot, "#search", "bob");
        robot.type(KeyCode.ENTER);
        until(() -> users.getItems().size() == 1);
        robot.interact(() -> users.getSelectionModel().select(0));
        robot.clickOn("#suspend");
        until(() -> robot.lookup("#reason").tryQuery().isPresent());
        fill(robot, "#reason", "Posting spam links in #general");
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
        for (int i = 0; i < 8; i++) {
            robot.interact(() -> robot.lookup("#pollNow").queryButton().fire());
            Thread.sleep(300);
        }
        shot("09-health.png");
        robot.clickOn("#nav-checks");
        robot.clickOn("#run");
        Button run = robot.lookup("#run").queryButton();
        TableView<?> findings = robot.lookup("#findings").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !run.isDisabled() && findings.getItems().size() == 19);
        robot.clickOn("#periodic");
        shot("10-deployment-check.png");
    }

    private static void fill(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    private void screen(FxRobot robot, String nav, String file) throws Exception {
        robot.clickOn(nav);
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
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
