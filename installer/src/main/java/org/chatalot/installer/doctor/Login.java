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

/** Turns the request's token or login into an access token ({@code POST /api/auth/login}). */
final class Login {
    static final String PATH = "/api/auth/login";

    private Login() {
    }

    /** The token, or empty with the reason in {@code problem} (shown by the checks that needed it). */
    static Optional<String> token(DoctorRequest request, HttpClient https, StringBuilder problem) {
        if (request.accessToken().isPresent()) {
            return request.accessToken();
        }
        if (request.login().isEmpty()) {
            return Optional.empty();
        }
        DoctorRequest.Login login = request.login().get();
        ObjectMapper json = new ObjectMapper();
        ObjectNode body = json.createObjectNode().put("username", login.username()).put("password", login.password());
        login.totpCode().ifPresent(code -> body.put("totp_code", code));
        try {
            HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create(request.origin() + PATH))
                    .timeout(request.timeout()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = json.readTree(response.body());
            if (response.statusCode() == 200 && answer.hasNonNull("access_token")) {
                return Optional.of(answer.get("access_token").asText());
            }
            problem.append("login as ").append(login.username()).append(" failed: ").append(response.statusCode())
                    .append(' ').append(answer.path("error").path("message").asText(""));
        } catch (IOException e) {
            problem.append("login failed: ").append(TlsChecks.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
