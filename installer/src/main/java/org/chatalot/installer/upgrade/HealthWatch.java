package org.chatalot.installer.upgrade;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What version answers {@code /api/health} on the server's own address right now, if any. */
@FunctionalInterface
public interface HealthWatch {
    Optional<String> healthyVersion(String upstream);

    /** Plain HTTP to the upstream (the server itself, not the proxy): 200 with its version, else empty. */
    static HealthWatch http() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        ObjectMapper json = new ObjectMapper();
        return upstream -> {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://" + upstream + "/api/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return Optional.empty();
                }
                return Optional.of(json.readTree(response.body()).path("version").asText());
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        };
    }
}
