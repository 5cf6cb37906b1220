package org.chatalot.server.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.chatalot.model.ApiPaths;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.server.config.HostPort;
import org.chatalot.server.http.Json;
import org.chatalot.server.local.LocalToken;

/** Calls the running server's local admin endpoints with the token from the data directory. */
final class LocalAdminClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = Json.createMapper();
    private final URI base;
    private final Path dataDir;

    LocalAdminClient(HostPort localAdmin, Path dataDir) {
        String host = localAdmin.host().contains(":") ? "[" + localAdmin.host() + "]" : localAdmin.host();
        this.base = URI.create("http://" + host + ":" + localAdmin.port() + ApiPaths.LOCAL_ADMIN);
        this.dataDir = dataDir;
    }

    <T> T get(String path, Class<T> type) {
        return send(request(path).GET(), type);
    }

    <T> T post(String path, Object body, Class<T> type) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        String token;
        try {
            token = LocalToken.read(dataDir);
        } catch (NoSuchFileException e) {
            throw new CliFailure(CliFailure.UNREACHABLE, "no " + dataDir.resolve(LocalToken.FILE_NAME)
                    + ": is the server running with DATA_DIR=" + dataDir + "?");
        } catch (IOException e) {
            throw new CliFailure(CliFailure.UNREACHABLE, "cannot read " + dataDir.resolve(LocalToken.FILE_NAME)
                    + " (" + e.getMessage() + "): run this as the server's user or as root");
        }
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token);
    }

    private <T> T send(HttpRequest.Builder builder, Class<T> type) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new CliFailure(CliFailure.UNREACHABLE, "no server answers on " + base.getAuthority()
                    + " (LOCAL_ADMIN_ADDR): is it running?");
        } catch (IOException e) {
            throw new CliFailure(CliFailure.UNREACHABLE, "talking to the server failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(CliFailure.UNREACHABLE, "interrupted");
        }
        try {
            if (response.statusCode() / 100 != 2) {
                ErrorBody error = json.readValue(response.body(), ErrorBody.class);
                int code = response.statusCode() == 401 ? CliFailure.UNREACHABLE : CliFailure.REFUSED;
                throw new CliFailure(code, error.error().message());
            }
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new CliFailure(CliFailure.REFUSED, "unexpected answer (HTTP " + response.statusCode() + ")");
        }
    }
}
