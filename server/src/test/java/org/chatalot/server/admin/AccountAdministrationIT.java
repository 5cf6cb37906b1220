package org.chatalot.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.AdminUserPage;
import org.chatalot.model.admin.AuditPage;
import org.chatalot.model.admin.CreateUserRequest;
import org.chatalot.model.admin.CreatedUser;
import org.chatalot.model.admin.TargetConfirmation;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.RefreshRequest;
import org.chatalot.model.auth.SessionInfo;
import org.chatalot.model.user.PublicProfile;
import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;
import org.chatalot.model.ws.CloseCodes;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.server.testing.WsClient;

/** What admins do to accounts, seen from the outside: sockets, tokens, sign-in and the audit log. */
class AccountAdministrationIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    private static TestUsers users() {
        return server.users();
    }

    private static String owner() {
        return users().owner().accessToken();
    }

    @Test
    void suspendedUserIsDisconnectedAtOnceAndCannotRefresh() {
        AuthTokens victim = users().register("suspend-me");
        UUID id = victim.user().id();
        try (WsClient socket = WsClient.authenticated(server, victim.accessToken())) {
            AdminUser after = users().expect(200, users().post(owner(), "/api/admin/users/" + id + "/suspend",
                    new TargetConfirmation(id, "spamming #general")), AdminUser.class);

            // "At once": the suspension itself pushes force_logout and closes the socket, well before the access
            // token would expire. No stopwatch: a busy machine delivers the frame later, not differently.
            JsonNode logout = socket.await("force_logout");
            int code = socket.awaitClose(Duration.ofSeconds(15));

            assertThat(after.status()).isEqualTo(UserStatus.SUSPENDED);
            assertThat(after.statusReason()).isEqualTo("spamming #general");
            assertThat(logout.get("reason").asText()).isEqualTo("account_suspended");
            assertThat(code).isEqualTo(CloseCodes.FORCE_LOGOUT);
        }
        HttpResponse<String> refresh = users().post(null, "/api/auth/refresh",
                new RefreshRequest(victim.refreshToken()));
        assertThat(refresh.statusCode()).isEqualTo(401);
        assertThat(users().get(victim.accessToken(), "/api/account/me").statusCode()).isEqualTo(401);
        assertThat(users().post(null, "/api/auth/login", org.chatalot.model.auth.LoginRequest.of("suspend-me",
                TestUsers.PASSWORD)).body()).contains("account_suspended").contains("spamming #general");
    }

    @Test
    void unsuspendedUserCanSignInAgain() {
        UUID id = users().register("comes-back").user().id();
        users().expect(200, users().post(owner(), "/api/admin/users/" + id + "/suspend",
                new TargetConfirmation(id, null)), AdminUser.class);

        AdminUser after = users().expect(200, users().post(owner(), "/api/admin/users/" + id + "/unsuspend",
                new TargetConfirmation(id, null)), AdminUser.class);

        assertThat(after.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(users().login("comes-back", TestUsers.PASSWORD).user().id()).isEqualTo(id);
    }

    @Test
    void adminsCannotLockThemselvesOrTheOwnerOut() {
        AuthTokens admin = users().admin("self-locker");
        UUID self = admin.user().id();
        UUID ownerId = users().owner().user().id();
        String token = admin.accessToken();

        assertError(users().post(token, "/api/admin/users/" + self + "/suspend", new TargetConfirmation(self, null)),
                403, "self_lockout");
        assertError(users().delete(token, "/api/admin/users/" + self, new TargetConfirmation(self, null)),
                403, "self_lockout");
        assertError(users().post(token, "/api/admin/users/" + ownerId + "/suspend",
                new TargetConfirmation(ownerId, null)), 403, "owner_protected");
        assertError(users().delete(token, "/api/admin/users/" + ownerId, new TargetConfirmation(ownerId, null)),
                403, "owner_protected");
        assertError(users().delete(owner(), "/api/admin/users/" + ownerId, new TargetConfirmation(ownerId, null)),
                403, "self_lockout");
        assertError(users().delete(owner(), "/api/admin/users/" + ownerId + "/admin",
                new TargetConfirmation(ownerId, null)), 403, "self_lockout");
        assertThat(users().get(token, "/api/admin/users/" + self).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminCannotManageAnotherAdmin() {
        AuthTokens first = users().admin("admin-one");
        UUID second = users().admin("admin-two").user().id();

        assertError(users().post(first.accessToken(), "/api/admin/users/" + second + "/password-reset",
                new TargetConfirmation(second, null)), 403, "admin_protected");
    }

    @Test
    void aDestructiveActionWithoutTheMatchingIdChangesNothing() {
        UUID id = users().register("wrong-target").user().id();

        HttpResponse<String> response = users().post(owner(), "/api/admin/users/" + id + "/suspend",
                new TargetConfirmation(UUID.randomUUID(), null));
        HttpResponse<String> missing = users().post(owner(), "/api/admin/users/" + id + "/suspend", "{}");

        assertError(response, 400, "confirmation_mismatch");
        assertThat(response.body()).contains("\"field\":\"confirm_user_id\"");
        assertError(missing, 400, "validation_failed");
        assertThat(missing.body()).contains("\"field\":\"confirm_user_id\"");
        assertThat(user(id).status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void deletedUsersContentStaysUnderADeletedUser() {
        AuthTokens leaver = users().register("leaver");
        UUID id = leaver.user().id();

        HttpResponse<String> deleted = users().delete(owner(), "/api/admin/users/" + id,
                new TargetConfirmation(id, "left the team"));

        assertThat(deleted.statusCode()).isEqualTo(204);
        PublicProfile profile = users().expect(200, users().get(owner(), "/api/users/" + id), PublicProfile.class);
        assertThat(profile.username()).isEqualTo("deleted-user");
        assertThat(user(id).status()).isEqualTo(UserStatus.DELETED);
        assertThat(users().get(leaver.accessToken(), "/api/account/me").statusCode()).isEqualTo(401);
        assertError(users().post(owner(), "/api/admin/users/" + id + "/unsuspend", new TargetConfirmation(id, null)),
                409, "user_deleted");
    }

    @Test
    void passwordResetGivesAWorkingTemporaryPasswordAndSignsEveryoneOut() {
        AuthTokens forgetful = users().register("forgetful");
        UUID id = forgetful.user().id();

        CreatedUser reset = users().expect(200, users().post(owner(), "/api/admin/users/" + id + "/password-reset",
                new TargetConfirmation(id, null)), CreatedUser.class);

        assertThat(reset.temporaryPassword()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(users().get(forgetful.accessToken(), "/api/account/me").statusCode()).isEqualTo(401);
        assertThat(users().login("forgetful", reset.temporaryPassword()).user().id()).isEqualTo(id);
        assertThat(users().post(null, "/api/auth/login", org.chatalot.model.auth.LoginRequest.of("forgetful",
                TestUsers.PASSWORD)).statusCode()).isEqualTo(401);
    }

    @Test
    void createdUserSignsInWithTheGeneratedPassword() {
        CreatedUser created = users().expect(201, users().post(owner(), "/api/admin/users",
                new CreateUserRequest("newcomer", "New Comer", "new@example.com", null, null)), CreatedUser.class);

        assertThat(created.user().role()).isEqualTo(Role.MEMBER);
        assertThat(created.user().email()).isEqualTo("new@example.com");
        assertThat(users().login("newcomer", created.temporaryPassword()).user().displayName()).isEqualTo("New Comer");
        assertError(users().post(owner(), "/api/admin/users", new CreateUserRequest("NewComer", null, null, null,
                null)), 409, "username_taken");
        assertError(users().post(users().admin("not-owner").accessToken(), "/api/admin/users",
                new CreateUserRequest("wannabe", null, null, null, Role.ADMIN)), 403, "forbidden");
    }

    @Test
    void sessionsCanBeListedAndRevokedOneByOne() {
        AuthTokens first = users().register("two-devices");
        AuthTokens second = users().login("two-devices", TestUsers.PASSWORD);
        UUID id = first.user().id();
        String path = "/api/admin/users/" + id + "/sessions";

        SessionInfo[] before = users().expect(200, users().get(owner(), path), SessionInfo[].class);
        HttpResponse<String> revoke = users().delete(owner(), path + "/" + first.sessionId());

        assertThat(before).extracting(SessionInfo::id).containsExactlyInAnyOrder(first.sessionId(),
                second.sessionId());
        assertThat(revoke.statusCode()).isEqualTo(204);
        assertThat(users().get(first.accessToken(), "/api/account/me").statusCode()).isEqualTo(401);
        assertThat(users().get(second.accessToken(), "/api/account/me").statusCode()).isEqualTo(200);
        assertThat(users().delete(owner(), path, new TargetConfirmation(id, null)).statusCode()).isEqualTo(204);
        assertThat(users().get(second.accessToken(), "/api/account/me").statusCode()).isEqualTo(401);
    }

    @Test
    void revokedAdminLosesAdminAccessWithTheNextRequest() {
        AuthTokens admin = users().admin("short-lived-admin");
        UUID id = admin.user().id();
        assertThat(users().get(admin.accessToken(), "/api/admin/users").statusCode()).isEqualTo(200);

        AdminUser demoted = users().expect(200, users().delete(owner(), "/api/admin/users/" + id + "/admin",
                new TargetConfirmation(id, null)), AdminUser.class);

        assertThat(demoted.role()).isEqualTo(Role.MEMBER);
        assertThat(users().get(admin.accessToken(), "/api/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void everyActionIsInTheAuditLog() {
        UUID id = users().register("audited").user().id();
        TargetConfirmation confirm = new TargetConfirmation(id, null);
        String base = "/api/admin/users/" + id;
        users().post(owner(), base + "/admin", confirm);
        users().delete(owner(), base + "/admin", confirm);
        users().post(owner(), base + "/suspend", confirm);
        users().post(owner(), base + "/unsuspend", confirm);
        users().post(owner(), base + "/password-reset", confirm);
        users().post(owner(), base + "/unlock", "{}");
        users().delete(owner(), base + "/sessions", confirm);
        users().delete(owner(), base, confirm);

        AuditPage page = users().expect(200, users().get(owner(), "/api/admin/audit?target_id=" + id), AuditPage.class);

        assertThat(page.entries()).extracting(e -> e.action()).contains("admin.role_granted", "admin.role_revoked",
                "admin.user_suspended", "admin.user_unsuspended", "admin.password_reset", "admin.user_unlocked",
                "admin.sessions_revoked", "admin.user_deleted");
        assertThat(page.entries()).filteredOn(e -> e.action().startsWith("admin."))
                .allSatisfy(e -> assertThat(e.actorName()).isEqualTo("owner"));
        AuditPage byName = users().expect(200, users().get(owner(), "/api/admin/audit?actor=OWNER&target_id=" + id),
                AuditPage.class);
        assertThat(byName.entries()).as("the actor by username, any case").extracting(e -> e.action())
                .containsExactlyElementsOf(page.entries().stream().filter(e -> "owner".equals(e.actorName()))
                        .map(e -> e.action()).toList());
        assertThat(users().expect(200, users().get(owner(), "/api/admin/audit?actor=audited&target_id=" + id),
                AuditPage.class).entries()).allSatisfy(e -> assertThat(e.actorName()).isEqualTo("audited"));
    }

    @Test
    void aSignInLockShowsInTheUserListUntilAnAdminLiftsIt() {
        UUID id = users().register("fumbler").user().id();
        int attempts = 0;
        HttpResponse<String> answer;
        do {
            attempts++;
            answer = users().post(null, "/api/auth/login", org.chatalot.model.auth.LoginRequest.of("fumbler",
                    "wrong password " + attempts));
        } while (answer.statusCode() == 401 && attempts < 20);

        AdminUser locked = user(id);
        users().post(owner(), "/api/admin/users/" + id + "/unlock", "{}");

        assertError(answer, 429, "account_locked");
        assertThat(attempts).isEqualTo(10);
        assertThat(locked.lockedUntil()).isAfter(java.time.Instant.now().plusSeconds(60));
        assertThat(user(id).lockedUntil()).isNull();
        assertThat(users().login("fumbler", TestUsers.PASSWORD).user().id()).isEqualTo(id);
    }

    @Test
    void theReasonGivenIsKeptInTheAuditLogAndAnInvalidOneChangesNothing() {
        AuthTokens member = users().register("reasoned");
        UUID id = member.user().id();
        String base = "/api/admin/users/" + id;

        HttpResponse<String> tooLong = users().post(owner(), base + "/password-reset",
                new TargetConfirmation(id, "x".repeat(501)));
        users().post(owner(), base + "/admin", new TargetConfirmation(id, "runs the Friday release"));
        users().delete(owner(), base + "/admin", new TargetConfirmation(id, "release handed over"));
        users().post(owner(), base + "/password-reset", new TargetConfirmation(id, "asked by phone"));
        users().delete(owner(), base + "/sessions", new TargetConfirmation(id, "laptop stolen"));

        assertError(tooLong, 400, "validation_failed");
        AuditPage page = users().expect(200, users().get(owner(), "/api/admin/audit?target_id=" + id), AuditPage.class);
        assertThat(page.entries()).filteredOn(e -> e.action().startsWith("admin."))
                .extracting(e -> e.action() + ": " + e.details().get("reason"))
                .containsExactlyInAnyOrder("admin.role_granted: runs the Friday release",
                        "admin.role_revoked: release handed over", "admin.password_reset: asked by phone",
                        "admin.sessions_revoked: laptop stolen");
    }

    @Test
    void theUserListSearchesSortsAndPages() {
        for (String name : List.of("zed-list", "amy-list", "kim-list")) {
            users().register(name);
        }

        AdminUserPage page = users().expect(200, users().get(owner(),
                "/api/admin/users?q=-LIST&sort=username&order=desc&limit=2"), AdminUserPage.class);
        AdminUserPage next = users().expect(200, users().get(owner(),
                "/api/admin/users?q=-list&sort=username&order=desc&limit=2&offset=2"), AdminUserPage.class);

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.users()).extracting(AdminUser::username).containsExactly("zed-list", "kim-list");
        assertThat(next.users()).extracting(AdminUser::username).containsExactly("amy-list");
        assertThat(page.users().getFirst().activeSessions()).isEqualTo(1);
        assertError(users().get(owner(), "/api/admin/users?sort=shoe_size"), 400, "validation_failed");
    }

    private static AdminUser user(UUID id) {
        return users().expect(200, users().get(owner(), "/api/admin/users/" + id), AdminUser.class);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }
}
