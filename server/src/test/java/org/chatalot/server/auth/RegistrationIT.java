package org.chatalot.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.chatalot.model.admin.Invite;
import org.chatalot.model.auth.AuthConfig;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.model.auth.RegistrationMode;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.model.user.Role;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

class RegistrationIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void setupCodeCreatesTheOwnerOnceAndIsThenVoid() throws Exception {
        var config = server.read(server.get("/api/auth/config"), AuthConfig.class);
        String code = Files.readString(server.dataDir().resolve("setup-code")).strip();
        assertThat(Files.getPosixFilePermissions(server.dataDir().resolve("setup-code")))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");

        AuthTokens owner = server.users().owner();

        assertThat(config.setupRequired()).isTrue();
        assertThat(owner.user().role()).isEqualTo(Role.OWNER);
        assertThat(owner.recoveryCode()).matches("[A-Z2-7]{5}(-[A-Z2-7]{5}){4}");
        assertThat(server.dataDir().resolve("setup-code")).doesNotExist();
        assertThat(server.read(server.get("/api/auth/config"), AuthConfig.class).setupRequired()).isFalse();
        HttpResponse<String> again = server.users().post(null, "/api/auth/register",
                new RegisterRequest("second", null, null, TestUsers.PASSWORD, null, code));
        assertError(again, 400, "validation_failed", "setup_code");
    }

    @Test
    void inviteOnlyByDefaultNeedsAValidInvite() {
        var config = server.read(server.get("/api/auth/config"), AuthConfig.class);
        HttpResponse<String> without = register("nobody", null);
        HttpResponse<String> bogus = register("nobody", "AAAA-BBBB-CCCC");

        assertThat(config.registrationMode()).isEqualTo(RegistrationMode.INVITE_ONLY);
        assertError(without, 400, "validation_failed", "invite_code");
        assertError(bogus, 400, "validation_failed", "invite_code");
        Invite invite = server.users().invite(2);
        assertThat(register("invited1", invite.code()).statusCode()).isEqualTo(201);
        assertThat(register("invited2", invite.code()).statusCode()).isEqualTo(201);
        assertError(register("invited3", invite.code()), 400, "validation_failed", "invite_code");
    }

    @Test
    void usernameIsUniqueRegardlessOfCase() {
        server.users().register("Casey");

        HttpResponse<String> clash = register("casey", server.users().invite(1).code());

        ErrorBody body = assertError(clash, 409, "username_taken", "username");
        assertThat(body.error().message()).isEqualTo("username: is already taken");
    }

    @Test
    void failedRegistrationGivesTheInviteUseBack() {
        server.users().register("taken.name");
        Invite invite = server.users().invite(1);

        assertThat(register("taken.name", invite.code()).statusCode()).isEqualTo(409);
        assertThat(register("fresh.name", invite.code()).statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ab|correct horse battery staple|username|must be 3-32 characters",
        ".dot|correct horse battery staple|username|must start with a letter or digit",
        "sp ace|correct horse battery staple|username|may contain only letters",
        "deleted-user|correct horse battery staple|username|is reserved",
        "shorty|short|password|at least 10 characters",
        "shorty|my shorty password|password|must not contain the username",
        "shorty|Password123|password|is too common",
        "shorty|aaaaaaaaaaaaaa|password|more than one or two different characters",
    })
    void invalidFieldsAreNamed(String username, String password, String field, String message) {
        HttpResponse<String> response = server.users().post(null, "/api/auth/register",
                new RegisterRequest(username, null, null, password, server.users().invite(1).code(), null));

        ErrorBody body = assertError(response, 400, "validation_failed", field);
        assertThat(body.error().message()).contains(message);
    }

    @Test
    void displayNameAndEmailAreValidated() {
        String invite = server.users().invite(5).code();
        assertError(server.users().post(null, "/api/auth/register", new RegisterRequest("dn1", "evil\u202Eeman", null,
                TestUsers.PASSWORD, invite, null)), 400, "validation_failed", "display_name");
        assertError(server.users().post(null, "/api/auth/register", new RegisterRequest("dn2", "x".repeat(65), null,
                TestUsers.PASSWORD, invite, null)), 400, "validation_failed", "display_name");
        assertError(server.users().post(null, "/api/auth/register", new RegisterRequest("dn3", null, "not-an-email",
                TestUsers.PASSWORD, invite, null)), 400, "validation_failed", "email");

        AuthTokens ok = server.users().expect(201, server.users().post(null, "/api/auth/register",
                new RegisterRequest("dn4", "  Zoë 🚀 Ünïcode  ", "Zoe@Example.com", TestUsers.PASSWORD, invite,
                        null)),
                AuthTokens.class);
        assertThat(ok.user().displayName()).isEqualTo("Zoë 🚀 Ünïcode");
        assertError(server.users().post(null, "/api/auth/register", new RegisterRequest("dn5", null,
                "zoe@example.COM", TestUsers.PASSWORD, invite, null)), 409, "email_taken", "email");
    }

    @Test
    void malformedAndOversizedBodiesGetJsonErrors() {
        assertError(server.postJson("/api/auth/register", "{\"username\": 42, \"password\": \"x\"}"), 400,
                "validation_failed", "username");
        assertThat(server.postJson("/api/auth/register", "{\"username\":").statusCode()).isEqualTo(400);
        assertThat(server.postJson("/api/auth/register", "{\"username\":\"" + "u".repeat(2_000_000) + "\"}")
                .statusCode()).isEqualTo(413);
    }

    @Test
    void concurrentRegistrationsOfOneUsernameLetExactlyOneThrough() throws Exception {
        Invite invite = server.users().invite(20);
        List<Integer> statuses = concurrently(8, () -> register("racer", invite.code()).statusCode());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
    }

    @Test
    void singleUseInviteUsedConcurrentlyLetsExactlyOneThrough() throws Exception {
        Invite invite = server.users().invite(1);
        int[] n = {0};
        List<Integer> statuses = concurrently(8, () -> {
            String name;
            synchronized (n) {
                name = "single" + n[0]++;
            }
            return register(name, invite.code()).statusCode();
        });

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(7);
    }

    @Test
    void revokedInviteNoLongerWorks() {
        Invite invite = server.users().invite(null);
        assertThat(server.users().delete(server.users().owner().accessToken(), "/api/admin/invites/" + invite.code())
                .statusCode()).isEqualTo(204);

        assertError(register("late", invite.code()), 400, "validation_failed", "invite_code");
    }

    static <T> List<T> concurrently(int count, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        pool.shutdown();
        return results;
    }

    private static HttpResponse<String> register(String username, String invite) {
        return server.users().post(null, "/api/auth/register",
                new RegisterRequest(username, null, null, TestUsers.PASSWORD, invite, null));
    }

    static ErrorBody assertError(HttpResponse<String> response, int status, String code, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        ErrorBody body = server.read(response, ErrorBody.class);
        assertThat(body.error().code()).isEqualTo(code);
        if (field != null) {
            assertThat(body.error().field()).isEqualTo(field);
        }
        return body;
    }
}
