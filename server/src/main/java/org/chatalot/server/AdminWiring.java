package org.chatalot.server;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import org.chatalot.server.admin.AccountActionService;
import org.chatalot.server.admin.AdminChannelApi;
import org.chatalot.server.admin.AdminUserApi;
import org.chatalot.server.admin.AdminUserRepository;
import org.chatalot.server.admin.ChannelAdminService;
import org.chatalot.server.admin.InstanceAdminApi;
import org.chatalot.server.admin.RoleService;
import org.chatalot.server.admin.SessionAdminService;
import org.chatalot.server.admin.SettingsAdminService;
import org.chatalot.server.admin.StatsService;
import org.chatalot.server.admin.StorageUsage;
import org.chatalot.server.admin.UserAdminService;
import org.chatalot.server.audit.AuditLog;
import org.chatalot.server.auth.AccountEvents;
import org.chatalot.server.auth.AccountStates;
import org.chatalot.server.auth.LoginThrottle;
import org.chatalot.server.auth.PasswordHasher;
import org.chatalot.server.auth.PasswordPolicy;
import org.chatalot.server.auth.Secrets;
import org.chatalot.server.auth.Sessions;
import org.chatalot.server.auth.SetupCode;
import org.chatalot.server.auth.TwoFactor;
import org.chatalot.server.backup.BackupApi;
import org.chatalot.server.backup.BackupService;
import org.chatalot.server.backup.ScheduledBackups;
import org.chatalot.server.channel.ChannelService;
import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.db.Ids;
import org.chatalot.server.db.Sql;
import org.chatalot.server.health.HealthChecks;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.local.LocalAdminApi;
import org.chatalot.server.local.LocalToken;
import org.chatalot.server.maintenance.Housekeeping;
import org.chatalot.server.realtime.SessionRegistry;
import org.chatalot.server.settings.InstanceSettings;
import org.chatalot.server.settings.InstanceSettingsRepository;
import org.chatalot.server.user.UserRepository;

/**
 * The admin part of the object graph: the {@code /api/admin/*} services, backups, the local admin
 * commands and the audit retention job. Kept apart from {@link ServerGraph} so that file stays readable.
 */
final class AdminWiring {

    private AdminWiring() {
    }

    /** What the admin services need from the accounts feature. */
    record AccountParts(UserRepository users, Sessions sessions, AccountStates states, AccountEvents events,
                        TwoFactor twoFactor, LoginThrottle throttle, PasswordHasher hasher, PasswordPolicy policy,
                        Secrets secrets, SetupCode setupCode, AuditLog audit, InstanceSettings settings,
                        Access access, Ids ids) {
    }

    /** The rest of the graph the admin services read from. */
    record Context(ServerConfig config, Clock clock, Sql sql, Json json, String version, HealthChecks health,
                   Housekeeping housekeeping, ChannelService channels, SessionRegistry sessions,
                   StorageUsage storage) {
    }

    /** The HTTP services to mount, and the local token to remove at shutdown (empty without a loopback listener). */
    record Admin(AdminUserApi users, AdminChannelApi channels, InstanceAdminApi instance, BackupApi backups,
                 LocalAdminApi local, Optional<LocalToken> localToken) {
    }

    static Admin build(AccountParts a, Context c) {
        Clock clock = c.clock();
        var repository = new AdminUserRepository(c.sql());
        var users = new UserAdminService(c.sql(), repository, a.users(), c.storage(), a.hasher(), a.policy(),
                a.secrets(), a.setupCode(), a.audit(), a.ids(), clock);
        var actions = new AccountActionService(c.sql(), repository, a.users(), users,
                new AccountActionService.AccountParts(a.sessions(), a.states(), a.events(), a.twoFactor(),
                        a.throttle(), a.hasher(), a.secrets()), a.audit(), clock);
        var sessions = new SessionAdminService(a.sessions(), actions);
        var roles = new RoleService(c.sql(), repository, actions, users, a.states(), clock);
        var stats = new StatsService(c.sql(), a.users(), c.storage(),
                new StatsService.Live(c.sessions()::onlineUsers, c.sessions()::openSockets), clock);
        var backups = new BackupService(c.sql(), c.config().storage(), c.version(), a.audit(), c.json().mapper(),
                clock);
        var scheduled = new ScheduledBackups(backups, new InstanceSettingsRepository(c.sql(), clock), a.audit(),
                c.json().mapper(), clock, ZoneId.systemDefault());
        c.housekeeping().every(Duration.ofMinutes(1), Duration.ofMinutes(1), ScheduledBackups.TASK,
                scheduled::runIfDue);
        c.health().addFindings(scheduled::findings);
        Optional<LocalToken> token = c.config().network().localAdmin()
                .map(ignored -> LocalToken.generate(c.config().storage().dataDir()));
        c.housekeeping().every(Duration.ofHours(6), Duration.ofMinutes(3), "audit entries past retention",
                () -> a.audit().deleteOlderThan(clock.instant().minus(Duration.ofDays(
                        a.settings().auditRetentionDays()))));
        return new Admin(
                new AdminUserApi(users, actions, sessions, roles, a.access(), c.json()),
                new AdminChannelApi(new ChannelAdminService(c.sql(), c.channels(), a.audit()), a.access(), c.json()),
                new InstanceAdminApi(new SettingsAdminService(a.settings(), a.audit()), stats, c.health(),
                        c.config().network().publicOrigin(), a.access(), c.json()),
                new BackupApi(backups, scheduled, a.access(), c.json()),
                token.map(t -> new LocalAdminApi(t, users, actions, a.users(), backups, c.json())).orElse(null),
                token);
    }
}
