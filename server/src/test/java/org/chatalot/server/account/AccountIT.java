package org.chatalot.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.ChangePasswordRequest;
import org.chatalot.model.auth.Me;
import org.chatalot.model.auth.SessionInfo;
import org.chatalot.model.auth.UpdateProfileRequest;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.model.user.PublicProfile;
import org.chatalot.server.testing.ErrorAssertions;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

class AccountIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void changingThePasswordSignsOutOtherSessionsOnly() {
        AuthTokens here = server.users().register("changer");
        AuthTokens elsewhere = server.users().login("changer", TestUsers.PASSWORD);

        var wrong = server.users().put(here.accessToken(), "/api/account/password",
                new ChangePasswordRequest("guess guess guess", "a whole new passphrase"));
        var weak = server.users().put(here.accessToken(), "/api/account/password",
                new ChangePasswordRequest(TestUsers.PASSWORD, "tiny"));
        var ok = server.users().put(here.accessToken(), "/api/account/password",
                new ChangePasswordRequest(TestUsers.PASSWORD, "a whole new passphrase"));

        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(server.read(wrong, ErrorBody.class).error().message()).startsWith("current_password");
        assertThat(server.read(weak, ErrorBody.class).error().field()).isEqualTo("new_password");
        assertThat(ok.statusCode()).isEqualTo(204);
        assertThat(server.users().get(here.accessToken(), "/api/account/me").statusCode()).isEqualTo(200);
        assertThat(server.users().get(elsewhere.accessToken(), "/api/account/me").statusCode()).isEqualTo(401);
        assertThat(server.users().login("changer", "a whole new passphrase").user().username()).isEqualTo("changer");
    }

    @Test
    void aDisplayNameOf64EmojiIsKept() {
        AuthTokens user = server.users().register("emoji.fan");
        String name = "\uD83D\uDE00".repeat(64);

        Me me = server.users().expect(200, server.users().put(user.accessToken(), "/api/account/profile",
                new UpdateProfileRequest(name, null)), Me.class);

        assertThat(me.displayName()).isEqualTo(name);
    }

    @Test
    void anEmailThatGrowsWhenLowerCasedIsRefusedNotAFailure() {
        AuthTokens user = server.users().register("long.mail");
        // 249 characters, but each "İ" lower-cases to two: the case-folded copy would not fit in 254.
        String email = "\u0130".repeat(64) + "@" + "a".repeat(180) + ".com";

        ErrorBody body = ErrorAssertions.assertError(server, server.users().put(user.accessToken(),
                "/api/account/profile", new UpdateProfileRequest(null, email)), 400, "validation_failed", "email");
        assertThat(body.error().field()).isEqualTo("email");
    }

    @Test
    void profileUpdatesKeepWhatIsLeftOut() {
        AuthTokens user = server.users().register("profiled");

        Me named = server.users().expect(200, server.users().put(user.accessToken(), "/api/account/profile",
                new UpdateProfileRequest("Pro Filed", null)), Me.class);
        Me emailed = server.users().expect(200, server.users().put(user.accessToken(), "/api/account/profile",
                new UpdateProfileRequest(null, "pro@example.com")), Me.class);
        Me cleared = server.users().expect(200, server.users().put(user.accessToken(), "/api/account/profile",
                new UpdateProfileRequest(null, "")), Me.class);

        assertThat(named.displayName()).isEqualTo("Pro Filed");
        assertThat(emailed.displayName()).isEqualTo("Pro Filed");
        assertThat(emailed.email()).isEqualTo("pro@example.com");
        assertThat(cleared.email()).isNull();
    }

    @Test
    void sessionsAreListedAndCanBeRevokedOneByOneOrAllAtOnce() throws Exception {
        AuthTokens first = server.users().register("multi");
        AuthTokens second = server.users().login("multi", TestUsers.PASSWORD);
        AuthTokens third = server.users().login("multi", TestUsers.PASSWORD);

        List<SessionInfo> sessions = server.json().readValue(
                server.users().get(first.accessToken(), "/api/account/sessions").body(), new TypeReference<>() { });
        assertThat(sessions).hasSize(3);
        assertThat(sessions).filteredOn(SessionInfo::current).singleElement()
                .satisfies(s -> assertThat(s.id()).isEqualTo(first.sessionId()));
        assertThat(sessions).allSatisfy(s -> {
            assertThat(s.device()).isEqualTo("Java client");
            assertThat(s.ip()).isEqualTo("127.0.0.1");
        });

        assertThat(server.users().delete(first.accessToken(), "/api/account/sessions/" + second.sessionId())
                .statusCode()).isEqualTo(204);
        assertThat(server.users().get(second.accessToken(), "/api/account/me").statusCode()).isEqualTo(401);
        assertThat(server.users().delete(first.accessToken(), "/api/account/sessions/" + second.sessionId())
                .statusCode()).as("already revoked").isEqualTo(404);

        assertThat(server.users().post(third.accessToken(), "/api/account/logout-all", "{}").statusCode())
                .isEqualTo(204);
        assertThat(server.users().get(first.accessToken(), "/api/account/me").statusCode()).isEqualTo(401);
        assertThat(server.users().get(third.accessToken(), "/api/account/me").statusCode()).isEqualTo(401);
    }

    @Test
    void nobodyCanRevokeSomeoneElsesSession() {
        AuthTokens mallory = server.users().register("mallory");
        AuthTokens alice = server.users().register("alice.s");

        assertThat(server.users().delete(mallory.accessToken(), "/api/account/sessions/" + alice.sessionId())
                .statusCode()).isEqualTo(404);
        assertThat(server.users().get(alice.accessToken(), "/api/account/me").statusCode()).isEqualTo(200);
    }

    @Test
    void membersFindEachOtherInTheDirectory() throws Exception {
        AuthTokens searcher = server.users().register("searcher");
        server.users().register("findme.one");
        server.users().register("findme_two");

        List<PublicProfile> found = server.json().readValue(
                server.users().get(searcher.accessToken(), "/api/users/search?q=FINDME").body(),
                new TypeReference<>() { });
        List<PublicProfile> literalUnderscore = server.json().readValue(
                server.users().get(searcher.accessToken(), "/api/users/search?q=findme_").body(),
                new TypeReference<>() { });

        assertThat(found).extracting(PublicProfile::username).containsExactly("findme.one", "findme_two");
        assertThat(literalUnderscore).extracting(PublicProfile::username).containsExactly("findme_two");
        PublicProfile profile = server.users().expect(200, server.users().get(searcher.accessToken(),
                "/api/users/" + found.getFirst().id()), PublicProfile.class);
        assertThat(profile.username()).isEqualTo("findme.one");
        assertThat(server.users().get(searcher.accessToken(), "/api/users/not-a-uuid").statusCode()).isEqualTo(404);
        assertThat(server.get("/api/users/search?q=f").statusCode()).as("needs a token").isEqualTo(401);
    }

    @Test
    void membersCannotUseAdminEndpoints() {
        AuthTokens member = server.users().register("plainmember");

        var response = server.users().get(member.accessToken(), "/api/admin/invites");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(server.read(response, ErrorBody.class).error().message()).contains("admin role");
    }
}
