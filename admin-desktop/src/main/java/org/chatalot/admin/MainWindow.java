package org.chatalot.admin;

import java.io.IOException;
import java.util.Optional;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

import org.chatalot.admin.about.About;
import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.Preferences;
import org.chatalot.admin.history.HistoryStore;
import org.chatalot.admin.history.Monitor;
import org.chatalot.admin.login.LoginView;
import org.chatalot.admin.login.LoginViewModel;
import org.chatalot.admin.shell.Screen;
import org.chatalot.admin.shell.ShellView;
import org.chatalot.admin.shell.ShellViewModel;
import org.chatalot.admin.shell.WindowSize;

/**
 * The window: the sign-in screen until a session exists, then the shell with its screens and the background
 * monitor of that server. Each sign-in builds fresh screens for that server, so nothing of one server's data
 * shows while connected to another. Sized to the screen it opens on; theme and keyboard shortcuts are the
 * window's.
 */
public final class MainWindow {
    static final String LIGHT = "shell/app.css";
    static final String DARK = "shell/dark.css";

    private final AppGraph graph;
    private final Scene scene;
    private final LoginView login;
    private ShellView shellView;
    private Monitor monitor;

    public MainWindow(AppGraph graph) {
        this.graph = graph;
        ShellViewModel shell = graph.shell();
        LoginViewModel loginModel = new LoginViewModel(graph.runner(), graph.profiles(), graph.connector(),
                graph.probe(), graph.remembered(), shell::signedIn);
        loginModel.setOnProfileDeleted(name -> graph.history(name).delete());
        login = new LoginView(loginModel, shell.darkProperty());
        WindowSize size = fit();
        scene = new Scene(login.root(), size.width(), size.height());
        scene.getStylesheets().add(MainWindow.class.getResource(LIGHT).toExternalForm());
        shell.darkProperty().addListener((observable, was, dark) -> applyTheme(dark));
        graph.runner().run("Loading preferences", graph.preferences()::load, stored -> {
            shell.darkProperty().set(stored.darkTheme());
            // saved from here on: what was just loaded need not be written back
            shell.darkProperty().addListener((observable, was, dark) -> graph.runner().run("Saving the theme",
                    () -> {
                        graph.preferences().save(new Preferences.Stored(dark));
                        return dark;
                    }, saved -> { }, failure -> { }));
        }, failure -> { });
        shell.connectionProperty().addListener((observable, was, connection) -> switchTo(connection));
        shortcuts(shell);
    }

    /** 1280 × 800 where the screen has room, less on a small or highly scaled one. */
    private static WindowSize fit() {
        Rectangle2D bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        return WindowSize.fit(bounds.getWidth(), bounds.getHeight());
    }

    public void show(Stage stage) {
        WindowSize size = fit();
        stage.setTitle(About.ofThisApp().title());
        stage.setScene(scene);
        stage.setMinWidth(size.minWidth());
        stage.setMinHeight(size.minHeight());
        stage.show();
        login.shown();
    }

    private void applyTheme(boolean dark) {
        String darkSheet = MainWindow.class.getResource(DARK).toExternalForm();
        scene.getStylesheets().remove(darkSheet);
        if (dark) {
            scene.getStylesheets().add(darkSheet);
        }
    }

    /** Ctrl (⌘ on macOS) + 1 … 0 open the screens, F5 reloads the one shown, Ctrl + D switches the theme. */
    private void shortcuts(ShellViewModel shell) {
        for (Screen screen : Screen.values()) {
            screen.shortcutDigit().ifPresent(digit -> scene.getAccelerators().put(
                    new KeyCodeCombination(KeyCode.valueOf("DIGIT" + digit), KeyCombination.SHORTCUT_DOWN), () -> {
                        if (shellView != null) {
                            shell.screenProperty().set(screen);
                        }
                    }));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
            if (shellView != null) {
                shellView.refresh();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN),
                () -> shell.darkProperty().set(!shell.darkProperty().get()));
    }

    private void switchTo(ServerConnection connection) {
        if (shellView != null) {
            shellView.hidden();
            shellView = null;
        }
        if (monitor != null) {
            monitor.stop();
            monitor = null;
        }
        if (connection == null) {
            scene.setRoot(login.root());
            login.shown();
            return;
        }
        HistoryStore history = graph.history(connection.profile().name());
        monitor = new Monitor(graph.runner(), connection::api, new Monitor.Sources(connection::health,
                () -> certificate(connection), history, connection.profile().name()),
                graph.notifier(), graph.ticker(), graph.clock(), graph.monitorPeriod());
        Screens screens = new Screens(graph, connection, monitor);
        shellView = new ShellView(graph.shell(), screens::build);
        scene.setRoot(shellView.root());
        shellView.start();
        monitor.start();
    }

    /** The certificate the server presents now (read, never trusted), for its days left; none over plain HTTP. */
    private Optional<CertificateDetails> certificate(ServerConnection connection) throws IOException {
        ConnectionProfile profile = connection.profile();
        return profile.isHttps() ? graph.probe().fetch(profile.url()).stream().findFirst() : Optional.empty();
    }

    public Scene scene() {
        return scene;
    }

    /** The monitor of the server signed in to, or null on the sign-in screen. */
    public Monitor monitor() {
        return monitor;
    }
}
