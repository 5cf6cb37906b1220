package org.chatalot.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.LoginRequest;
import org.chatalot.model.auth.RecoverRequest;
import org.chatalot.model.auth.RefreshRequest;
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.server.testing.BrowserClient;
import org.chatalot.server.testing.BrowserClient.SetCookie;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/**
 * The browser's refresh token lives in an HttpOnly, SameSite=Strict cookie for {@code /api/auth} when the
 * client sends {@code X-Chatalot-Client: web}, never in a JSON body; requests that could come from another
 * site cannot use it; and JSON clients see no change.
 */
class RefreshCookieIT {
    private static final String MAX_AGE_30_DAYS = "2592000";

    @Nested
    class OverPlainHttp {
        @RegisterExtension
        static TestServer server = TestServer.create();

        @Test
        void signingInSetsAnHttpOnlyStrictCookieForTheAuthPathAndKeepsTheTokenOutOfTheBody() {
            server.users().register("c.login");
            BrowserClient browser = new BrowserClient(server);

            HttpResponse<String> response = browser.post("/api/auth/login", null,
                    LoginRequest.of("c.login", TestUsers.PASSWORD));

            assertThat(response.statusCode()).isEqualTo(200);
            SetCookie cookie = BrowserClient.refreshCookie(response).orElseThrow();
            assertThat(cookie.value()).hasSizeGreaterThan(40);
            assertThat(cookie.attributes()).containsEntry("path", "/api/auth").containsEntry("max-age", MAX_AGE_30_DAYS)
                    .containsEntry("samesite", "Strict").containsKey("httponly").doesNotContainKey("secure")
                    .doesNotContainKey("domain");
            JsonNode body = server.read(response, JsonNode.class);
            assertThat(body.has("refresh_token")).as(response.body()).isFalse();
            assertThat(body.get("refresh_expires_in").asLong()).isEqualTo(2_592_000L);
            assertThat(response.body()).doesNotContain(cookie.value());
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(server.users().get(body.get("access_token").asText(), "/api/account/me").statusCode())
                    .isEqualTo(200);
        }

        @Test
        void registeringAndRecoveringInCookieModeSetTheCookieToo() {
            BrowserClient browser = new BrowserClient(server);
            HttpResponse<String> registered = browser.post("/api/auth/register", null, new RegisterRequest(
                    "c.recover", null, null, TestUsers.PASSWORD, server.users().invite(1).code(), null));
            String firstCookie = browser.cookie().orElseThrow();
            String recoveryCode = server.read(registered, JsonNode.class).get("recovery_code").asText();

            HttpResponse<String> recovered = browser.post("/api/auth/recover", null,
                    new RecoverRequest("c.recover", recoveryCode, "another long passphrase 42"));

            assertThat(registered.statusCode()).isEqualTo(201);
            assertThat(registered.body()).doesNotContain("refresh_token");
            assertThat(recovered.statusCode()).isEqualTo(200);
            assertThat(recovered.body()).doesNotContain("refresh_token");
            assertThat(browser.cookie()).isPresent().get().isNotEqualTo(firstCookie);
            assertThat(refresh(browser).statusCode()).as("the recovered session refreshes").isEqualTo(200);
            BrowserClient before = new BrowserClient(server);
            before.cookie(firstCookie);
            assertThat(error(refresh(before))).as("recovery signed the old session out").isEqualTo("session_revoked");
        }

        @Test
        void refreshingWithTheCookieAloneRotatesIt() {
            BrowserClient browser = signedIn("c.rotate");
            String first = browser.cookie().orElseThrow();

            HttpResponse<String> response = refresh(browser);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).doesNotContain("refresh_token");
            SetCookie rotated = BrowserClient.refreshCookie(response).orElseThrow();
            assertThat(rotated.value()).isNotEqualTo(first);
            assertThat(rotated.maxAge()).isEqualTo(MAX_AGE_30_DAYS);
            assertThat(server.users().get(accessToken(response), "/api/account/me").statusCode()).isEqualTo(200);
            assertThat(refresh(browser).statusCode()).as("the new cookie works in turn").isEqualTo(200);
        }

        @Test
        void theCookieWithoutTheClientHeaderIsRefusedAndSpendsNothing() {
            BrowserClient browser = signedIn("c.noheader");
            BrowserClient formPost = new BrowserClient(server).header("X-Chatalot-Client", null);
            formPost.cookie(browser.cookie().orElseThrow());

            HttpResponse<String> refused = refresh(formPost);

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(server.read(refused, ErrorBody.class).error().code()).isEqualTo("client_header_required");
            assertThat(refused.body()).contains("X-Chatalot-Client: web");
            assertThat(refresh(browser).statusCode()).as("the cookie was not spent").isEqualTo(200);
        }

        @Test
        void anotherOriginIsRefusedForRefreshAndSignIn() {
            server.users().register("c.origin");
            BrowserClient browser = signedIn("c.origin2");
            BrowserClient evil = new BrowserClient(server).header("Origin", "https://evil.example");
            evil.cookie(browser.cookie().orElseThrow());

            HttpResponse<String> refresh = refresh(evil);
            HttpResponse<String> login = evil.post("/api/auth/login", null,
                    LoginRequest.of("c.origin", TestUsers.PASSWORD));
            HttpResponse<String> nullOrigin = new BrowserClient(server).header("Origin", "null")
                    .post("/api/auth/login", null, LoginRequest.of("c.origin", TestUsers.PASSWORD));

            assertThat(List.of(refresh, login, nullOrigin)).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(403);
                assertThat(error(response)).isEqualTo("cross_origin_refused");
                assertThat(BrowserClient.refreshCookie(response)).isEmpty();
            });
            assertThat(refresh(browser).statusCode()).as("the cookie was not spent").isEqualTo(200);
        }

        @Test
        void aRequestWithoutOriginButWithTheHeaderIsServed() {
            BrowserClient browser = signedIn("c.noorigin").header("Origin", null);

            assertThat(refresh(browser).statusCode()).isEqualTo(200);
        }

        @Test
        void logoutSignsTheCookiesSessionOutAndClearsItEvenWithAnExpiredAccessToken() {
            BrowserClient browser = signedIn("c.logout");
            String cookie = browser.cookie().orElseThrow();

            HttpResponse<String> response = browser.post("/api/auth/logout", "expired-or-garbled", null);

            assertThat(response.statusCode()).isEqualTo(204);
            SetCookie cleared = BrowserClient.refreshCookie(response).orElseThrow();
            assertThat(cleared.isDeletion()).isTrue();
            assertThat(cleared.value()).isEmpty();
            assertThat(cleared.attributes()).containsEntry("path", "/api/auth");
            BrowserClient again = new BrowserClient(server);
            again.cookie(cookie);
            assertThat(error(refresh(again))).isEqualTo("session_revoked");
            assertThat(browser.post("/api/auth/logout", null, null).statusCode())
                    .as("signing out twice is no error for a browser").isEqualTo(204);
        }

        @Test
        void logoutWithTheBearerTokenAlsoClearsTheCookie() {
            BrowserClient browser = signedIn("c.bearer");
            String access = accessToken(refresh(browser));

            HttpResponse<String> response = browser.post("/api/auth/logout", access, null);

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(BrowserClient.refreshCookie(response).orElseThrow().isDeletion()).isTrue();
            assertThat(server.users().get(access, "/api/account/me").statusCode()).isEqualTo(401);
        }

        @Test
        void logoutEverywhereClearsTheCookie() {
            BrowserClient browser = signedIn("c.all");
            String cookie = browser.cookie().orElseThrow();
            String access = accessToken(refresh(browser));

            HttpResponse<String> response = browser.post("/api/account/logout-all", access, null);

            assertThat(response.statusCode()).isEqualTo(204);
            SetCookie cleared = BrowserClient.refreshCookie(response).orElseThrow();
            assertThat(cleared.isDeletion()).isTrue();
            assertThat(cleared.attributes()).containsEntry("path", "/api/auth");
            BrowserClient stale = new BrowserClient(server);
            stale.cookie(cookie);
            assertThat(refresh(stale).statusCode()).isEqualTo(401);
        }

        @Test
        void aRefusedCookieIsCleared() {
            BrowserClient browser = new BrowserClient(server);
            browser.cookie("made-up");

            HttpResponse<String> response = refresh(browser);

            assertThat(error(response)).isEqualTo("invalid_refresh_token");
            assertThat(BrowserClient.refreshCookie(response).orElseThrow().isDeletion()).isTrue();
            assertThat(error(refresh(new BrowserClient(server))))
                    .as("no cookie at all: not signed in").isEqualTo("invalid_refresh_token");
        }

        @Test
        void aSpentCookieFromAnotherClientIsReuseAndSignsTheSessionOut() {
            BrowserClient victim = signedIn("c.victim");
            String stolen = victim.cookie().orElseThrow();
            assertThat(refresh(victim).statusCode()).isEqualTo(200);
            BrowserClient thief = new BrowserClient(server).header("User-Agent", "curl/8.5.0");
            thief.cookie(stolen);

            HttpResponse<String> replay = refresh(thief);

            assertThat(error(replay)).isEqualTo("refresh_token_reused");
            assertThat(BrowserClient.refreshCookie(replay).orElseThrow().isDeletion()).isTrue();
            assertThat(error(refresh(victim))).as("the whole session is signed out").isEqualTo("session_revoked");
        }

        @Test
        void twoTabsRefreshingAtOnceWithOneCookieBothGetTheSameNewTokens() throws Exception {
            BrowserClient firstTab = signedIn("c.tabs");
            BrowserClient secondTab = new BrowserClient(server);
            secondTab.cookie(firstTab.cookie().orElseThrow());
            CountDownLatch start = new CountDownLatch(1);

            List<HttpResponse<String>> answers;
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<HttpResponse<String>> a = pool.submit(refreshAfter(start, firstTab));
                Future<HttpResponse<String>> b = pool.submit(refreshAfter(start, secondTab));
                start.countDown();
                answers = List.of(a.get(), b.get());
            }

            assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
            assertThat(accessToken(answers.get(0))).isEqualTo(accessToken(answers.get(1)));
            assertThat(firstTab.cookie()).isPresent().isEqualTo(secondTab.cookie());
            assertThat(refresh(secondTab).statusCode()).as("the session lives on").isEqualTo(200);
        }

        @Test
        void jsonClientsKeepTheTokenInTheBodyGetNoCookieAndNoGrace() {
            AuthTokens json = server.users().register("c.json");
            HttpResponse<String> refreshed = server.users().post(null, "/api/auth/refresh",
                    new RefreshRequest(json.refreshToken()));

            HttpResponse<String> replay = server.users().post(null, "/api/auth/refresh",
                    new RefreshRequest(json.refreshToken()));

            assertThat(refreshed.statusCode()).isEqualTo(200);
            assertThat(server.read(refreshed, AuthTokens.class).refreshToken()).isNotBlank();
            assertThat(refreshed.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(error(replay)).as("reuse at once is still theft for a JSON client")
                    .isEqualTo("refresh_token_reused");
            assertThat(replay.headers().allValues("Set-Cookie")).isEmpty();
        }

        private static BrowserClient signedIn(String username) {
            server.users().register(username);
            BrowserClient browser = new BrowserClient(server);
            HttpResponse<String> response = browser.post("/api/auth/login", null,
                    LoginRequest.of(username, TestUsers.PASSWORD));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return browser;
        }

        private static Callable<HttpResponse<String>> refreshAfter(CountDownLatch start, BrowserClient tab) {
            return () -> {
                start.await();
                return refresh(tab);
            };
        }

        private static String accessToken(HttpResponse<String> response) {
            return server.read(response, JsonNode.class).get("access_token").asText();
        }

        private static String error(HttpResponse<String> response) {
            return server.read(response, ErrorBody.class).error().code();
        }
    }

    @Nested
    class BehindAnHttpsProxy {
        @RegisterExtension
        static TestServer server = TestServer.create().with("PUBLIC_URL", "https://chat.example.com");

        @Test
        void httpsReportedByATrustedProxyMakesTheCookieSecureAndThePublicOriginIsAccepted() {
            server.users().register("p.secure");
            BrowserClient browser = new BrowserClient(server).header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-For", "198.51.100.7").header("Origin", "https://chat.example.com");

            HttpResponse<String> response = browser.post("/api/auth/login", null,
                    LoginRequest.of("p.secure", TestUsers.PASSWORD));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(BrowserClient.refreshCookie(response).orElseThrow().has("Secure")).isTrue();
            assertThat(browser.post("/api/auth/refresh", null, null).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class FromAnUntrustedPeer {
        @RegisterExtension
        static TestServer server = TestServer.create().with("TRUSTED_PROXIES", "192.0.2.1/32");

        @Test
        void aSpoofedHttpsHeaderDoesNotMakeTheCookieSecure() {
            server.users().register("u.spoof");
            BrowserClient browser = new BrowserClient(server).header("X-Forwarded-Proto", "https");

            HttpResponse<String> response = browser.post("/api/auth/login", null,
                    LoginRequest.of("u.spoof", TestUsers.PASSWORD));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(BrowserClient.refreshCookie(response).orElseThrow().has("Secure")).isFalse();
        }
    }

    private static HttpResponse<String> refresh(BrowserClient browser) {
        return browser.post("/api/auth/refresh", null, null);
    }
}
