package org.chatalot.admin;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.chatalot.admin.about.About;
import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.audit.AuditView;
import org.chatalot.admin.audit.AuditViewModel;
import org.chatalot.admin.backups.BackupsView;
import org.chatalot.admin.backups.BackupsViewModel;
import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.View;
import org.chatalot.admin.doctor.CheckRequest;
import org.chatalot.admin.doctor.ChecksView;
import org.chatalot.admin.doctor.ChecksViewModel;
import org.chatalot.admin.doctor.SignedInChecks;
import org.chatalot.admin.health.HealthView;
import org.chatalot.admin.health.HealthViewModel;
import org.chatalot.admin.invites.InvitesView;
import org.chatalot.admin.invites.InvitesViewModel;
import org.chatalot.admin.login.LoginView;
import org.chatalot.admin.login.LoginViewModel;
import org.chatalot.admin.settings.SettingsView;
import org.chatalot.admin.settings.SettingsViewModel;
import org.chatalot.admin.shell.Screen;
import org.chatalot.admin.shell.ShellView;
import org.chatalot.admin.shell.ShellViewModel;
import org.chatalot.admin.users.UsersView;
import org.chatalot.admin.users.UsersViewModel;

/**
 * The window: the sign-in screen until a session exists, then the shell with its screens. Each sign-in builds
 * fresh screens for that server, so nothing of one server's data shows while connected to another.
 */
public final class MainWindow {
    private final AppGraph graph;
    private final Scene scene;
    private final LoginView login;
    private ShellView shellView;

    public MainWindow(AppGraph graph) {
        this.graph = graph;
        ShellViewModel shell = graph.shell();
        LoginViewModel loginModel = new LoginViewModel(graph.runner(), graph.profiles(), graph.connector(),
                graph.probe(), graph.remembered(), shell::signedIn);
        login = new LoginView(loginModel);
        scene = new Scene(login.root(), 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("shell/app.css").toExternalForm());
        shell.connectionProperty().addListener((observable, was, connection) -> switchTo(connection));
    }

    public void show(Stage stage) {
        stage.setTitle(About.ofThisApp().title());
        stage.setScene(scene);
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        stage.show();
        login.shown();
    }

    private void switchTo(ServerConnection connection) {
        if (shellView != null) {
            shellView.hidden();
            shellView = null;
        }
        if (connection == null) {
            scene.setRoot(login.root());
            login.shown();
            return;
        }
        shellView = new ShellView(graph.shell(), screen -> build(screen, connection));
        scene.setRoot(shellView.root());
        shellView.start();
    }

    private View build(Screen screen, ServerConnection connection) {
        ScreenModel.ApiAccess access = connection::api;
        return switch (screen) {
            case USERS -> new UsersView(new UsersViewModel(graph.runner(), access));
            case INVITES -> new InvitesView(new InvitesViewModel(graph.runner(), access, () -> connection.profile()
                    .url()));
            case AUDIT -> new AuditView(new AuditViewModel(graph.runner(), access));
            case SETTINGS -> new SettingsView(new SettingsViewModel(graph.runner(), access));
            case BACKUPS -> new BackupsView(new BackupsViewModel(graph.runner(), access));
            case HEALTH -> new HealthView(new HealthViewModel(graph.runner(), access, connection::health,
                    graph.ticker(), graph.clock()));
            case CHECKS -> new ChecksView(new ChecksViewModel(graph.runner(), new SignedInChecks(graph.checks(),
                    connection.session()::accessToken), () -> CheckRequest.of(connection.profile().url(),
                    connection.profile().trust()), graph.ticker(), graph.notifier(), graph.clock()));
        };
    }

    public Scene scene() {
        return scene;
    }
}
