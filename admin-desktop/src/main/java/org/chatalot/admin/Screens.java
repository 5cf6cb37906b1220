package org.chatalot.admin;

import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.audit.AuditView;
import org.chatalot.admin.audit.AuditViewModel;
import org.chatalot.admin.backups.BackupsView;
import org.chatalot.admin.backups.BackupsViewModel;
import org.chatalot.admin.channels.ChannelsView;
import org.chatalot.admin.channels.ChannelsViewModel;
import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.View;
import org.chatalot.admin.doctor.CheckRequest;
import org.chatalot.admin.doctor.ChecksView;
import org.chatalot.admin.doctor.ChecksViewModel;
import org.chatalot.admin.doctor.SignedInChecks;
import org.chatalot.admin.health.HealthView;
import org.chatalot.admin.health.HealthViewModel;
import org.chatalot.admin.history.HistoryView;
import org.chatalot.admin.history.HistoryViewModel;
import org.chatalot.admin.history.Monitor;
import org.chatalot.admin.invites.InvitesView;
import org.chatalot.admin.invites.InvitesViewModel;
import org.chatalot.admin.settings.SettingsView;
import org.chatalot.admin.settings.SettingsViewModel;
import org.chatalot.admin.shell.Screen;
import org.chatalot.admin.stats.StatsView;
import org.chatalot.admin.stats.StatsViewModel;
import org.chatalot.admin.users.UsersView;
import org.chatalot.admin.users.UsersViewModel;

/** Builds each screen for one signed-in server, on its first visit. */
final class Screens {
    private final AppGraph graph;
    private final ServerConnection connection;
    private final Monitor monitor;

    Screens(AppGraph graph, ServerConnection connection, Monitor monitor) {
        this.graph = graph;
        this.connection = connection;
        this.monitor = monitor;
    }

    View build(Screen screen) {
        ScreenModel.ApiAccess access = connection::api;
        return switch (screen) {
            case USERS -> new UsersView(new UsersViewModel(graph.runner(), access));
            case INVITES -> new InvitesView(new InvitesViewModel(graph.runner(), access,
                    () -> connection.profile().url()));
            case CHANNELS -> new ChannelsView(new ChannelsViewModel(graph.runner(), access));
            case AUDIT -> new AuditView(new AuditViewModel(graph.runner(), access));
            case STATS -> new StatsView(new StatsViewModel(graph.runner(), access));
            case SETTINGS -> new SettingsView(new SettingsViewModel(graph.runner(), access));
            case BACKUPS -> new BackupsView(new BackupsViewModel(graph.runner(), access));
            case HEALTH -> new HealthView(new HealthViewModel(graph.runner(), access, connection::health,
                    graph.ticker(), graph.clock()));
            case HISTORY -> new HistoryView(new HistoryViewModel(monitor, graph.clock()));
            case CHECKS -> new ChecksView(new ChecksViewModel(graph.runner(), new SignedInChecks(graph.checks(),
                    connection.session()::accessToken), () -> CheckRequest.of(connection.profile().url(),
                    connection.profile().trust()), graph.ticker(), monitor, graph.clock()));
        };
    }
}
