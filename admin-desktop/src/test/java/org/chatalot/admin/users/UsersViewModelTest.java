package org.chatalot.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.admin.api.UserAction;
import org.chatalot.admin.connection.ProfileStore;
import org.chatalot.admin.shell.ShellViewModel;
import org.chatalot.admin.testing.StubAdminServer;
import org.chatalot.admin.testing.StubFixture;
import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.CreateUserRequest;
import org.chatalot.model.user.UserStatus;

/** The users screen without a display: paging, search, sort, actions, refusals and an ended session. */
class UsersViewModelTest {
    @TempDir
    Path dir;
    private StubFixture fixture;
    private UsersViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new StubFixture();
        model = new UsersViewModel(fixture.runner(), fixture.connection()::api);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private AdminUser row(String username) {
        return model.users().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    @Test
    void firstPageShowsTwentyFiveOfAllUsers() {
        model.load();
        assertThat(model.users()).hasSize(UsersViewModel.PAGE_SIZE);
        assertThat(model.pageLabelProperty().get()).isEqualTo("1–25 of 32");
        assertThat(model.hasNextPage()).isTrue();
        model.nextPage();
        assertThat(model.users()).hasSize(7);
        assertThat(model.pageLabelProperty().get()).isEqualTo("26–32 of 32");
    }

    @Test
    void searchStartsAgainAtTheFirstPage() {
        model.load();
        model.nextPage();
        model.searchProperty().set("bob");
        model.search();
        assertThat(model.users()).extracting(AdminUser::username).containsExactly("bob");
        assertThat(model.pageLabelProperty().get()).isEqualTo("1–1 of 1");
    }

    @Test
    void sortingTheSameColumnTwiceReversesIt() {
        model.sortBy("username");
        assertThat(model.users().get(0).username()).isEqualTo("zoe");
        assertThat(fixture.stub().requests()).last().asString().contains("sort=username", "order=desc");
        model.sortBy("email");
        assertThat(model.users().get(0).username()).isEqualTo("alice");
    }

    @Test
    void suspendingWithAReasonChangesTheRow() {
        model.load();
        model.act(row("bob"), UserAction.SUSPEND, "Sharing spam links");
        assertThat(row("bob").status()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(row("bob").statusReason()).isEqualTo("Sharing spam links");
        assertThat(model.messageProperty().get()).isEqualTo("Suspended bob");
        model.act(row("bob"), UserAction.UNSUSPEND, null);
        assertThat(row("bob").status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void aSuspensionWithoutReasonIsNotSent() {
        model.load();
        int before = fixture.stub().requests().size();
        model.act(row("bob"), UserAction.SUSPEND, " ");
        assertThat(model.errorProperty().get()).contains("reason");
        assertThat(fixture.stub().requests()).hasSize(before);
    }

    @Test
    void theServersRefusalIsShownInItsOwnWords() {
        model.load();
        model.act(row("owner"), UserAction.SUSPEND, "test");
        assertThat(model.errorProperty().get()).isEqualTo("you cannot suspend your own account; ask another owner");
        assertThat(row("owner").status()).isEqualTo(UserStatus.ACTIVE);
        model.act(row("bob"), UserAction.UNSUSPEND, null);
        assertThat(model.errorProperty().get()).isEqualTo("this account is not suspended");
    }

    @Test
    void eachActionUsesTheServersRouteAndConfirmsItsTarget() {
        model.load();
        AdminUser bob = row("bob");
        AdminUser alice = row("alice");
        model.act(bob, UserAction.RESET_PASSWORD, null);
        model.act(alice, UserAction.RESET_TWO_FACTOR, null);
        model.act(bob, UserAction.REVOKE_SESSIONS, null);
        model.act(bob, UserAction.UNLOCK, null);
        model.act(bob, UserAction.GRANT_ADMIN, null);
        model.act(row("bob"), UserAction.REVOKE_ADMIN, null);
        assertThat(model.errorProperty().get()).isEmpty();
        String users = "/api/admin/users/";
        assertThat(fixture.stub().requests()).contains("POST " + users + bob.id() + "/password-reset",
                "POST " + users + alice.id() + "/totp-reset", "DELETE " + users + bob.id() + "/sessions",
                "POST " + users + bob.id() + "/unlock", "POST " + users + bob.id() + "/admin",
                "DELETE " + users + bob.id() + "/admin");
        assertThat(row("alice").totpEnabled()).isFalse();
        assertThat(row("bob").activeSessions()).isZero();
        assertThat(fixture.stub().data().auditLog()).extracting(e -> e.action()).startsWith("admin.role_revoked",
                "admin.role_granted", "admin.user_unlocked", "admin.sessions_revoked", "admin.totp_reset",
                "admin.password_reset");
    }

    @Test
    void oneDeviceCanBeSignedOut() {
        model.load();
        AdminUser alice = row("alice");
        model.loadSessions(alice);
        model.revokeSession(alice, model.sessions().get(0));
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(fixture.stub().requests()).contains("DELETE /api/admin/users/" + alice.id() + "/sessions/"
                + model.sessions().get(0).id());
        assertThat(model.messageProperty().get()).isEqualTo("alice signed out on Firefox on Linux");
    }

    @Test
    void resetPasswordAndCreateShowTheTemporaryPasswordOnce() {
        model.load();
        model.act(row("bob"), UserAction.RESET_PASSWORD, null);
        assertThat(model.temporaryPasswordProperty().get()).isEqualTo("Temp-7Kq2-Xw9p");
        model.create(new CreateUserRequest("newbie", null, null, null, null));
        assertThat(model.temporaryPasswordProperty().get()).isEqualTo("Temp-3Fh8-Lp2m");
        assertThat(model.totalProperty().get()).isEqualTo(33);
        model.create(new CreateUserRequest("newbie", null, null, null, null));
        assertThat(model.errorProperty().get()).isEqualTo("username: is already taken");
    }

    @Test
    void deleteAndRoleChangesAreReflected() {
        model.load();
        model.act(row("bob"), UserAction.GRANT_ADMIN, null);
        assertThat(row("bob").role().wireName()).isEqualTo("admin");
        model.delete(row("bob"), "left the company");
        assertThat(row("bob").status()).isEqualTo(UserStatus.DELETED);
        model.loadSessions(row("alice"));
        assertThat(model.sessions()).hasSize(1);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedSilently() {
        model.load();
        fixture.stub().expireAccessToken();
        model.searchProperty().set("alice");
        model.search();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.users()).extracting(AdminUser::username).containsExactly("alice");
        assertThat(fixture.stub().requests()).anyMatch(r -> r.startsWith("POST /api/auth/refresh"));
    }

    @Test
    void anEndedSessionPromptsAndThenContinuesWhereTheAdminWas() {
        ShellViewModel shell = new ShellViewModel(fixture.runner(), new ProfileStore(dir));
        shell.signedIn(fixture.connection());
        fixture.runner().setSessionGate(shell);
        model.load();
        model.nextPage();
        fixture.stub().endSession();

        model.previousPage();
        assertThat(shell.reloginRequiredProperty().get()).isTrue();
        assertThat(model.pageLabelProperty().get()).isEqualTo("26–32 of 32");

        shell.relogin(StubAdminServer.PASSWORD, null);
        assertThat(shell.reloginRequiredProperty().get()).isFalse();
        assertThat(model.pageLabelProperty().get()).isEqualTo("1–25 of 32");
    }

    @Test
    void destructiveActionsSayWhatWillHappen() {
        model.load();
        assertThat(Actions.confirmation(UserAction.SUSPEND, row("bob"))).contains("signed out", "reason");
        assertThat(Actions.isOffered(row("owner"), UserAction.SUSPEND)).isFalse();
        assertThat(Actions.isOffered(row("carol"), UserAction.UNSUSPEND)).isTrue();
        assertThat(Actions.isOffered(row("bob"), UserAction.UNSUSPEND)).isFalse();
    }

    @Test
    void unlockIsOfferedAndShownOnlyForALockedAccount() {
        model.load();
        AdminUser bob = row("bob");
        AdminUser locked = new AdminUser(bob.id(), bob.username(), bob.displayName(), bob.email(), bob.role(),
                bob.status(), null, bob.totpEnabled(), bob.createdAt(), bob.lastSeenAt(), bob.storageBytes(),
                bob.activeSessions(), java.time.Instant.now().plusSeconds(600));

        assertThat(Actions.isOffered(bob, UserAction.UNLOCK)).isFalse();
        assertThat(Actions.isOffered(locked, UserAction.UNLOCK)).isTrue();
        assertThat(UserTable.status(bob)).isEqualTo("active");
        assertThat(UserTable.status(locked)).isEqualTo("locked");
    }
}
