package org.chatalot.installer.doctor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The access token the checks use: the one given, or one from {@code POST /api/auth/login} with the request's
 * credentials. A session the doctor opened itself it also closes ({@code POST /api/auth/logout}), so a doctor
 * run from cron does not leave a new session in the user's list every time.
 *
 * @param token      the access token, empty when none was given or the login failed
 * @param refresh    the refresh token of a session the doctor opened, empty when the token was given
 * @param problem    why the login failed, empty when it did not (shown by the checks that needed a token)
 */
record Login(Optional<String> token, Optional<String> refresh, String problem) {
    static final String LOGIN_PATH = "/api/auth/login";
    static final String LOGOUT_PATH = "/api/auth/logout";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Login of(DoctorRequest request, HttpClient https) {
        if (request.accessToken().isPresent()) {
            return new Login(request.accessToken(), Optional.empty(), "");
        }
        if (request.login().isEmpty()) {
            return new Login(Optional.empty(), Optional.empty(), "");
        }
        DoctorRequest.Login login = request.login().get();
        ObjectNode body = JSON.createObjectNode().put("username", login.username()).put("password", login.password());
        login.totpCode().ifPresent(code -> body.put("totp_code", code));
        try {
            HttpResponse<String> response = post(request, https, LOGIN_PATH, body, Optional.empty());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() == 200 && answer.hasNonNull("access_token")) {
                return new Login(Optional.of(answer.get("access_token").asText()),
                        Optional.ofNullable(answer.path("refresh_token").textValue()), "");
            }
            return failed("login as " + login.username() + " failed: " + response.statusCode() + " "
                    + answer.path("error").path("message").asText(""));
        } catch (IOException e) {
            return failed("login failed: " + TlsChecks.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("login interrupted");
        }
    }

    private static Login failed(String why) {
        return new Login(Optional.empty(), Optional.empty(), why);
    }

    boolean isFailed() {
        return !problem.isEmpty();
    }

    /** Ends the session this run opened; a token that was handed to the doctor is left alone. */
    void signOut(DoctorRequest request, HttpClient https) {
        if (token.isEmpty() || refresh.isEmpty()) {
            return;
        }
        try {
            post(request, https, LOGOUT_PATH, JSON.createObjectNode().put("refresh_token", refresh.get()), token);
        } catch (IOException e) {
            // the session expires on its own; the findings are what the admin asked for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpResponse<String> post(DoctorRequest request, HttpClient https, String path, ObjectNode body,
                                             Optional<String> bearer) throws IOException, InterruptedException {
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(request.origin() + path))
                .timeout(request.timeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        bearer.ifPresent(value -> post.header("Authorization", "Bearer " + value));
        return https.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public String toString() {
        return "Login[token " + (token.isPresent() ? "****" : "none") + ", " + (refresh.isPresent() ? "own session"
                : "given") + "]";
    }
}
