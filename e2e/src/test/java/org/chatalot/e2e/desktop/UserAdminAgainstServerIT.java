package org.chatalot.e2e.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.admin.api.ActionResult;
import org.chatalot.admin.api.ApiException;
import org.chatalot.admin.api.Endpoints;
import org.chatalot.admin.api.HttpTransport;
import org.chatalot.admin.api.JsonCodec;
import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.api.UserAction;
import org.chatalot.admin.api.UserQuery;
import org.chatalot.admin.testing.ImmediateTaskRunner;
import org.chatalot.admin.users.Actions;
import org.chatalot.admin.users.UsersViewModel;
import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.AdminUserPage;
import org.chatalot.model.admin.CreateUserRequest;
import org.chatalot.model.admin.CreatedUser;
import org.chatalot.model.admin.TargetConfirmation;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/**
 * Every account action of the admin app (its API client and the users screen's ViewModel) against the real
 * server, each checked by its effect where it matters: the member's own sign-in, refresh and API calls.
 */
class UserAdminAgainstServerIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    private static RealServer real;
    private static ServerConnection owner;
    private final ImmediateTaskRunner runner = new ImmediateTaskRunner();

    @BeforeAll
    static void signIn() throws Exception {
        real = new RealServer(server);
        owner = real.signIn("owner");
    }

    private UsersViewModel screen() {
        return new UsersViewModel(runner, owner::api);
    }

    private static AdminUser find(String username) throws Exception {
        return owner.api().users(new UserQuery(username, null, null, "username", false, 0, 50)).users().stream()
                .filter(user -> user.username().equals(username)).findFirst().orElseThrow();
    }

    @Test
    void theUsersScreenSearchesFiltersSortsAndPagesOnTheServer() throws Exception {
        for (String name : new String[] {"list.ann", "list.ben", "list.cy"}) {
            server.users().register(name);
        }
        UsersViewModel screen = screen();
        screen.searchProperty().set("list.");
        // the screen starts sorted by username ascending: a click on that column reverses it
        screen.sortBy("username");
        assertThat(screen.errorProperty().get()).isEmpty();
        assertThat(screen.users()).extracting(AdminUser::username).containsExactly("list.cy", "list.ben", "list.ann");
        assertThat(screen.pageLabelProperty().get()).isEqualTo("1–3 of 3");

        AdminUserPage page = owner.api().users(new UserQuery("list.", null, null, "username", false, 1, 1));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.users()).extracting(AdminUser::username).containsExactly("list.ben");
        screen.roleFilterProperty().set(Role.OWNER);
        screen.searchProperty().set("");
        screen.search();
        assertThat(screen.users()).extracting(AdminUser::username).containsExactly("owner");
    }

    @Test
    void aCreatedUserSignsInWithTheGeneratedPasswordShownOnce() throws Exception {
        UsersViewModel screen = screen();
        screen.create(new CreateUserRequest("made.by.admin", "Made By Admin", null, null, null));
        assertThat(screen.errorProperty().get()).isEmpty();
        String password = screen.temporaryPasswordProperty().get();
        assertThat(password).isNotBlank();
        assertThat(real.login("made.by.admin", password).status()).isEqualTo(200);

        CreatedUser chosen = owner.api().createUser(new CreateUserRequest("chosen.pw", null, null,
                TestUsers.PASSWORD, null));
        assertThat(chosen.temporaryPassword()).isNull();
        assertThat(real.login("chosen.pw", TestUsers.PASSWORD).status()).isEqualTo(200);
        screen.create(new CreateUserRequest("chosen.pw", null, null, null, null));
        assertThat(screen.errorProperty().get()).isEqualTo("username: is already taken");
    }

    @Test
    void aSuspendedMemberCannotSignInOrRefreshUntilUnsuspended() throws Exception {
        AuthTokens member = server.users().register("suspend.me");
        UsersViewModel screen = screen();
        screen.searchProperty().set("suspend.me");
        screen.search();
        screen.act(screen.users().get(0), UserAction.SUSPEND, "Posting spam links");
        assertThat(screen.messageProperty().get()).isEqualTo("Suspended suspend.me");
        assertThat(screen.users().get(0).status()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(screen.users().get(0).statusReason()).isEqualTo("Posting spam links");

        RealServer.Answer login = real.login("suspend.me", TestUsers.PASSWORD);
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.code()).isEqualTo("account_suspended");
        assertThat(login.message()).contains("Posting spam links");
        assertThat(real.refresh(member).status()).isEqualTo(401);
        assertThat(real.me(member).status()).isEqualTo(401);

        screen.act(screen.users().get(0), UserAction.UNSUSPEND, null);
        assertThat(screen.users().get(0).status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(real.login("suspend.me", TestUsers.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aPasswordResetReplacesThePasswordAndSignsOutEveryDevice() throws Exception {
        AuthTokens member = server.users().register("reset.pw");
        ActionResult result = owner.api().act(member.user().id(), UserAction.RESET_PASSWORD, null);
        String temporary = result.temporaryPassword().orElseThrow();
        assertThat(result.user()).map(AdminUser::username).contains("reset.pw");

        assertThat(real.login("reset.pw", TestUsers.PASSWORD).code()).isEqualTo("invalid_credentials");
        assertThat(real.refresh(member).status()).isEqualTo(401);
        assertThat(real.login("reset.pw", temporary).status()).isEqualTo(200);
    }

    @Test
    void resettingTwoFactorLetsTheMemberSignInWithThePasswordAlone() throws Exception {
        AuthTokens member = server.users().register("lost.phone");
        real.enableTotp(member);
        assertThat(real.login("lost.phone", TestUsers.PASSWORD).code()).isEqualTo("totp_required");
        AdminUser before = find("lost.phone");
        assertThat(before.totpEnabled()).isTrue();
        assertThat(Actions.isOffered(before, UserAction.RESET_TWO_FACTOR)).isTrue();

        UsersViewModel screen = screen();
        screen.act(before, UserAction.RESET_TWO_FACTOR, null);
        assertThat(screen.errorProperty().get()).isEmpty();
        assertThat(find("lost.phone").totpEnabled()).isFalse();
        assertThat(real.login("lost.phone", TestUsers.PASSWORD).status()).isEqualTo(200);
        screen.act(find("lost.phone"), UserAction.RESET_TWO_FACTOR, null);
        assertThat(screen.errorProperty().get()).isEqualTo("this account does not use two-factor authentication");
    }

    @Test
    void signingOutOneDeviceAndThenAllEndsExactlyThoseSessions() throws Exception {
        AuthTokens laptop = server.users().register("many.devices");
        AuthTokens phone = server.users().login("many.devices", TestUsers.PASSWORD);
        AuthTokens tablet = server.users().login("many.devices", TestUsers.PASSWORD);
        UsersViewModel screen = screen();
        AdminUser user = find("many.devices");
        assertThat(user.activeSessions()).isEqualTo(3);
        screen.loadSessions(user);
        assertThat(screen.sessions()).extracting(s -> s.id()).contains(phone.sessionId());

        screen.revokeSession(user, screen.sessions().stream().filter(s -> s.id().equals(phone.sessionId()))
                .findFirst().orElseThrow());
        assertThat(screen.errorProperty().get()).isEmpty();
        assertThat(screen.sessions()).hasSize(2);
        assertThat(real.refresh(phone).status()).isEqualTo(401);
        assertThat(real.me(tablet).status()).isEqualTo(200);

        screen.act(user, UserAction.REVOKE_SESSIONS, null);
        assertThat(screen.messageProperty().get()).isEqualTo("many.devices signed out everywhere");
        assertThat(real.refresh(laptop).status()).isEqualTo(401);
        assertThat(real.me(tablet).code()).isEqualTo("session_revoked");
        assertThat(find("many.devices").activeSessions()).isZero();
    }

    @Test
    void adminRightsGrantedAndRevokedApplyToTheMembersNextRequest() throws Exception {
        AuthTokens member = server.users().register("promote.me");
        assertThat(real.get(member, "/api/admin/users").status()).isEqualTo(403);
        UsersViewModel screen = screen();
        screen.act(find("promote.me"), UserAction.GRANT_ADMIN, null);
        assertThat(screen.messageProperty().get()).isEqualTo("promote.me is now an admin");
        assertThat(real.get(member, "/api/admin/users").status()).isEqualTo(200);

        screen.act(find("promote.me"), UserAction.REVOKE_ADMIN, null);
        assertThat(find("promote.me").role()).isEqualTo(Role.MEMBER);
        assertThat(real.get(member, "/api/admin/users").status()).isEqualTo(403);
    }

    @Test
    void anAdminIsRefusedOnTheOwnerInTheServersWords() throws Exception {
        server.users().admin("second.admin");
        ServerConnection admin = real.signIn("second.admin");
        UUID ownerId = find("owner").id();
        assertThatThrownBy(() -> admin.api().act(ownerId, UserAction.RESET_PASSWORD, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("owner_protected");
                    assertThat(e.getMessage()).isEqualTo("only an owner can reset the password of an owner");
                });
        assertThatThrownBy(() -> owner.api().act(ownerId, UserAction.SUSPEND, "no"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("self_lockout"));
        assertThatThrownBy(() -> owner.api().users(new UserQuery("", null, null, "shoe_size", false, 0, 10)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("sort");
                });
    }

    @Test
    void aDeletedAccountIsGoneForGoodButStillListed() throws Exception {
        AuthTokens member = server.users().register("delete.me");
        UUID someoneElse = find("owner").id();
        HttpTransport.Response mismatch = owner.session().send("DELETE", Endpoints.user(member.user().id()),
                new JsonCodec().write(new TargetConfirmation(someoneElse, null)));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(new String(mismatch.body(), StandardCharsets.UTF_8)).contains("\"confirmation_mismatch\"",
                "\"field\":\"confirm_user_id\"");
        assertThat(real.me(member).status()).as("nothing changed").isEqualTo(200);

        UsersViewModel screen = screen();
        screen.delete(find("delete.me"), "asked to leave");
        assertThat(screen.messageProperty().get()).isEqualTo("Deleted delete.me");
        assertThat(real.login("delete.me", TestUsers.PASSWORD).status()).isIn(401, 403);
        assertThat(real.me(member).status()).isEqualTo(401);
        AdminUser gone = find("delete.me");
        assertThat(gone.status()).isEqualTo(UserStatus.DELETED);
        assertThat(Actions.isOffered(gone, UserAction.UNSUSPEND)).isFalse();
        assertThatThrownBy(() -> owner.api().act(gone.id(), UserAction.RESET_PASSWORD, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("user_deleted"));
    }
}
