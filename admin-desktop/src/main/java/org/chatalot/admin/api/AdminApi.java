package org.chatalot.admin.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.chatalot.model.admin.AdminUserPage;
import org.chatalot.model.admin.AuditPage;
import org.chatalot.model.admin.BackupInfo;
import org.chatalot.model.admin.CreateInviteRequest;
import org.chatalot.model.admin.CreateUserRequest;
import org.chatalot.model.admin.CreatedUser;
import org.chatalot.model.admin.InstanceSettingsView;
import org.chatalot.model.admin.InstanceStats;
import org.chatalot.model.admin.Invite;
import org.chatalot.model.admin.TargetConfirmation;
import org.chatalot.model.auth.SessionInfo;
import org.chatalot.model.health.DetailedHealth;

/** The admin API, typed: one method per endpoint the app uses. Calls block; run them through the TaskRunner. */
public final class AdminApi {
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

    /** Runs a user action; returns the temporary password when the action generated one (reset password). */
    public Optional<String> act(UUID userId, UserAction action, String reason) throws IOException,
            InterruptedException {
        HttpTransport.Response response = session.send("POST", Endpoints.userAction(userId, action),
                json.write(new TargetConfirmation(userId, reason)));
        responses.requireSuccess(response);
        if (response.body().length == 0) {
            return Optional.empty();
        }
        JsonNode body = json.mapper().readTree(response.body());
        return Optional.ofNullable(body.get("temporary_password")).map(JsonNode::asText);
    }

    public void deleteUser(UUID userId, String reason) throws IOException, InterruptedException {
        responses.requireSuccess(session.send("DELETE", Endpoints.user(userId),
                json.write(new TargetConfirmation(userId, reason))));
    }

    public List<SessionInfo> sessions(UUID userId) throws IOException, InterruptedException {
        return Arrays.asList(get(Endpoints.userSessions(userId), SessionInfo[].class));
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

    /** Saves the server's export of the filtered audit log ({@code csv} or {@code json}) to {@code target}. */
    public void exportAudit(AuditQuery query, String format, Path target) throws IOException, InterruptedException {
        download(query.exportPath(format), target);
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

    public List<BackupInfo> backups() throws IOException, InterruptedException {
        return Arrays.asList(get(Endpoints.BACKUPS, BackupInfo[].class));
    }

    public BackupInfo createBackup() throws IOException, InterruptedException {
        return responses.read(session.send("POST", Endpoints.BACKUPS, null), BackupInfo.class);
    }

    public void downloadBackup(String name, Path target) throws IOException, InterruptedException {
        download(Endpoints.backup(name), target);
    }

    private void download(String path, Path target) throws IOException, InterruptedException {
        int status = session.transport().download(path, session.accessToken(), target);
        if (status / 100 != 2) {
            throw new ApiException(status, "http_" + status, "Download failed: the server answered HTTP " + status,
                    null);
        }
    }

    private <T> T get(String path, Class<T> type) throws IOException, InterruptedException {
        return responses.read(session.send("GET", path, null), type);
    }
}
