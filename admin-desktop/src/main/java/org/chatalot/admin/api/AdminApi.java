package org.chatalot.admin.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.chatalot.model.admin.AdminChannel;
import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.AdminUserPage;
import org.chatalot.model.admin.AuditPage;
import org.chatalot.model.admin.BackupInfo;
import org.chatalot.model.admin.BackupScheduleView;
import org.chatalot.model.admin.ChannelConfirmation;
import org.chatalot.model.admin.CreateInviteRequest;
import org.chatalot.model.admin.CreateUserRequest;
import org.chatalot.model.admin.CreatedUser;
import org.chatalot.model.admin.InstanceSettingsView;
import org.chatalot.model.admin.InstanceStats;
import org.chatalot.model.admin.Invite;
import org.chatalot.model.admin.RequestDiagnostics;
import org.chatalot.model.admin.TargetConfirmation;
import org.chatalot.model.auth.SessionInfo;
import org.chatalot.model.channel.ChannelMember;
import org.chatalot.model.health.DetailedHealth;

/** The admin API, typed: one method per endpoint the app uses. Calls block; run them through the TaskRunner. */
public final class AdminApi {
    /** Within the task runner's five-minute bound on any one task. */
    static final Duration BACKUP_TIMEOUT = Duration.ofMinutes(4);

    private final AuthSession session;
    private final JsonCodec json;
    private final Responses responses;

    public AdminApi(AuthSession session, JsonCodec json) {
        this.session = session;
        this.json = json;
        this.responses = new Responses(json);
    }

    public AuthSession session() {
        return session;
    }

    public AdminUserPage users(UserQuery query) throws IOException, InterruptedException {
        return get(query.path(), AdminUserPage.class);
    }

    public CreatedUser createUser(CreateUserRequest request) throws IOException, InterruptedException {
        return responses.read(session.send("POST", Endpoints.USERS, json.write(request)), CreatedUser.class);
    }

    public AdminUser user(UUID userId) throws IOException, InterruptedException {
        return get(Endpoints.user(userId), AdminUser.class);
    }

    /** Runs a user action; {@code reason} goes into the audit log (and, for a suspension, to the user). */
    public ActionResult act(UUID userId, UserAction action, String reason) throws IOException, InterruptedException {
        byte[] body = action.isConfirmed() ? json.write(new TargetConfirmation(userId, reason)) : null;
        HttpTransport.Response response = session.send(action.method(), Endpoints.userAction(userId, action), body);
        responses.requireSuccess(response);
        if (response.body().length == 0) {
            return ActionResult.NO_CONTENT;
        }
        if (action == UserAction.RESET_PASSWORD) {
            CreatedUser reset = json.read(response.body(), CreatedUser.class);
            return new ActionResult(Optional.ofNullable(reset.user()), Optional.ofNullable(reset.temporaryPassword()));
        }
        return new ActionResult(Optional.of(json.read(response.body(), AdminUser.class)), Optional.empty());
    }

    /** Deletes the account for good; the server wants the id repeated in the body, as for the other actions. */
    public void deleteUser(UUID userId, String reason) throws IOException, InterruptedException {
        responses.requireSuccess(session.send("DELETE", Endpoints.user(userId),
                json.write(new TargetConfirmation(userId, reason))));
    }

    public List<SessionInfo> sessions(UUID userId) throws IOException, InterruptedException {
        return Arrays.asList(get(Endpoints.userSessions(userId), SessionInfo[].class));
    }

    /** Signs out one device of the user; its sockets close at once. */
    public void revokeSession(UUID userId, UUID sessionId) throws IOException, InterruptedException {
        responses.requireSuccess(session.send("DELETE", Endpoints.userSession(userId, sessionId), null));
    }

    public List<Invite> invites() throws IOException, InterruptedException {
        return Arrays.asList(get(Endpoints.INVITES, Invite[].class));
    }

    public Invite createInvite(CreateInviteRequest request) throws IOException, InterruptedException {
        return responses.read(session.send("POST", Endpoints.INVITES, json.write(request)), Invite.class);
    }

    public void revokeInvite(String code) throws IOException, InterruptedException {
        responses.requireSuccess(session.send("DELETE", Endpoints.invite(code), null));
    }

    public AuditPage audit(AuditQuery query) throws IOException, InterruptedException {
        return get(query.path(), AuditPage.class);
    }

    /**
     * Saves the server's export of every entry matching the filters ({@code csv} or {@code json}) to
     * {@code target}; streamed, so the size of the log does not matter. Returns the bytes written.
     */
    public long exportAudit(AuditQuery query, String format, Path target) throws IOException, InterruptedException {
        return download(query.exportPath(format), target);
    }

    public InstanceSettingsView settings() throws IOException, InterruptedException {
        return get(Endpoints.SETTINGS, InstanceSettingsView.class);
    }

    public InstanceSettingsView saveSettings(InstanceSettingsView changes) throws IOException, InterruptedException {
        return responses.read(session.send("PUT", Endpoints.SETTINGS, json.write(changes)),
                InstanceSettingsView.class);
    }

    public InstanceStats stats() throws IOException, InterruptedException {
        return get(Endpoints.STATS, InstanceStats.class);
    }

    public DetailedHealth detailedHealth() throws IOException, InterruptedException {
        return get(Endpoints.ADMIN_HEALTH, DetailedHealth.class);
    }

    /** Detailed health with every field the server sent, the ones this app does not know included. */
    public DetailedHealthReport detailedHealthReport() throws IOException, InterruptedException {
        HttpTransport.Response response = session.send("GET", Endpoints.ADMIN_HEALTH, null);
        responses.requireSuccess(response);
        return DetailedHealthReport.read(json, response.body());
    }

    /** What the server saw of this request: how the admin app (and the doctor) check the proxy in front. */
    public RequestDiagnostics requestDiagnostics() throws IOException, InterruptedException {
        return get(Endpoints.REQUEST_DIAGNOSTICS, RequestDiagnostics.class);
    }

    public List<BackupInfo> backups() throws IOException, InterruptedException {
        return Arrays.asList(get(Endpoints.BACKUPS, BackupInfo[].class));
    }

    /**
     * The server answers once the archive is complete, which for a large instance takes minutes, not the ten
     * seconds other calls get.
     */
    public BackupInfo createBackup() throws IOException, InterruptedException {
        return responses.read(session.send("POST", Endpoints.BACKUPS, null, BACKUP_TIMEOUT), BackupInfo.class);
    }

    /** Owners only: an archive holds the token signing key. Streamed to {@code target}; returns the bytes. */
    public long downloadBackup(String name, Path target) throws IOException, InterruptedException {
        return download(Endpoints.backup(name), target);
    }

    public void deleteBackup(String name) throws IOException, InterruptedException {
        responses.requireSuccess(session.send("DELETE", Endpoints.backup(name), null));
    }

    public BackupScheduleView backupSchedule() throws IOException, InterruptedException {
        return get(Endpoints.BACKUP_SCHEDULE, BackupScheduleView.class);
    }

    /** Sends only the four settings of {@code change} that are set; answers the schedule as it now is. */
    public BackupScheduleView saveBackupSchedule(BackupScheduleView change) throws IOException, InterruptedException {
        BackupScheduleView settings = BackupScheduleView.change(change.enabled(), change.timeOfDay(),
                change.timeZone(), change.keep());
        return responses.read(session.send("PUT", Endpoints.BACKUP_SCHEDULE, json.write(settings)),
                BackupScheduleView.class);
    }

    public List<AdminChannel> channels() throws IOException, InterruptedException {
        return Arrays.asList(get(Endpoints.CHANNELS, AdminChannel[].class));
    }

    public List<ChannelMember> channelMembers(UUID channelId) throws IOException, InterruptedException {
        return Arrays.asList(get(Endpoints.channel(channelId) + "/members", ChannelMember[].class));
    }

    /** Archives (read-only) or unarchives any channel but a DM; answers the channel as it now is. */
    public AdminChannel archiveChannel(UUID channelId, boolean archived) throws IOException, InterruptedException {
        return responses.read(session.send("POST", Endpoints.channel(channelId) + (archived ? "/archive"
                : "/unarchive"), null), AdminChannel.class);
    }

    /** Deletes a channel for good; the server wants its id repeated in the body. */
    public void deleteChannel(UUID channelId) throws IOException, InterruptedException {
        responses.requireSuccess(session.send("DELETE", Endpoints.channel(channelId),
                json.write(new ChannelConfirmation(channelId))));
    }

    private long download(String path, Path target) throws IOException, InterruptedException {
        HttpTransport.Download result = session.transport().download(path, session.accessToken(), target);
        if (result.status() / 100 != 2) {
            // the refusal is the server's usual JSON error (403 for a non-owner, 400 for a bad filter): show it
            throw responses.error(new HttpTransport.Response(result.status(), result.errorBody(), Duration.ZERO,
                    result.headers()));
        }
        return result.bytes();
    }

    private <T> T get(String path, Class<T> type) throws IOException, InterruptedException {
        return responses.read(session.send("GET", path, null), type);
    }
}
