package org.chatalot.e2e.desktop;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationAdapter;
import org.testfx.framework.junit5.ApplicationFixture;
import org.testfx.util.WaitForAsyncUtils;

import org.chatalot.admin.AppGraph;
import org.chatalot.admin.MainWindow;
import org.chatalot.admin.connection.AppDirectories;
import org.chatalot.testing.TempDirs;

/**
 * The admin app's real window for a UI test: before each test a new app on a new profile folder in TestFX's
 * primary stage, after it the app closed, its folder deleted and the stage cleaned up (what TestFX's
 * {@code ApplicationExtension} does, with the window as the application). Test methods get the {@link FxRobot}
 * as a parameter. The steps here wait for their effect: the app answers from background tasks, so a step that
 * does not wait races it. Register with
 * {@code @RegisterExtension final AdminWindow window = AdminWindow.create("admin-x-", patience);}.
 */
final class AdminWindow implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final String folderPrefix;
    private final Duration patience;
    private final FxRobot robot = new FxRobot();
    private final ApplicationFixture application = new ApplicationFixture() {
        @Override
        public void init() {
        }

        @Override
        public void start(Stage window) {
            show(window);
        }

        @Override
        public void stop() {
        }
    };
    private Stage stage;
    private AppDirectories directories;
    private AppGraph graph;

    private AdminWindow(String folderPrefix, Duration patience) {
        this.folderPrefix = folderPrefix;
        this.patience = patience;
    }

    /** {@code patience}: how long {@link #until} waits; it only bounds a test that is failing anyway. */
    static AdminWindow create(String folderPrefix, Duration patience) {
        return new AdminWindow(folderPrefix, patience);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(() -> new ApplicationAdapter(application));
    }

    private void show(Stage window) {
        stage = window;
        directories = AppDirectories.under(TempDirs.create(folderPrefix));
        open();
    }

    private void open() {
        graph = new AppGraph(directories, Platform::runLater, AppGraph.defaults());
        new MainWindow(graph).show(stage);
    }

    /** Closes the app and opens a new one on the same folders: what a restart is (on the FX thread). */
    void restart() {
        graph.close();
        open();
    }

    AppDirectories directories() {
        return directories;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (graph != null) {
                graph.close();
            }
            if (directories != null) {
                TempDirs.deleteRecursively(directories.config());
            }
        } finally {
            FxToolkit.cleanupAfterTest(robot, new ApplicationAdapter(application));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType().isAssignableFrom(FxRobot.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return robot;
    }

    void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS, condition);
    }

    /** Waits for the control and for the UI thread to settle, then clicks it like a user. */
    void click(String query) throws Exception {
        until(() -> robot.lookup(query).tryQuery().map(node -> node.getScene() != null && node.isVisible())
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query);
    }

    /**
     * Focuses the field with a real click, then sets its text: the robot types about ten characters a second on
     * Monocle, which made a test spend most of its time typing a URL and a password.
     */
    void fill(String query, String text) {
        robot.clickOn(query);
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    boolean isVisible(String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
