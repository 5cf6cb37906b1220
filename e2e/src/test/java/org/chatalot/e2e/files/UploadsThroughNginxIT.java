package org.chatalot.e2e.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.file.FileInfo;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.TestServer;
import org.chatalot.testing.FreePorts;
import org.chatalot.testing.Nginx;
import org.chatalot.testing.TempDirs;

/**
 * Uploads through real nginx with TLS, with the installer's site (as docs/tls-and-reverse-proxy.md shows it) for
 * a 2 MiB limit ({@code client_max_body_size 12M}): a file at the limit passes intact, one byte more is refused by the
 * server with its JSON 413, and a body over nginx's own limit is refused by nginx; in every case the
 * client receives the status rather than a reset connection.
 */
class UploadsThroughNginxIT {
    private static final int LIMIT_MB = 2;
    private static final int LIMIT = LIMIT_MB * 1024 * 1024;

    @RegisterExtension
    static TestServer server = TestServer.create().with("MAX_FILE_SIZE_MB", Integer.toString(LIMIT_MB))
            .with("UPLOAD_QUOTA_MB", "0");

    private static final int HTTPS_PORT = FreePorts.next();
    private static Path prefix;
    private static Nginx nginx;
    private static HttpClient http2;
    private static HttpClient http1;
    private static TestCertificate certificate;

    @BeforeAll
    static void startNginx() throws Exception {
        prefix = TempDirs.create("chatalot-tls-");
        certificate = TestCertificate.create(prefix);
        nginx = Nginx.withSite(certificate.site(HTTPS_PORT, server.server().port(), LIMIT_MB)).start(HTTPS_PORT);
        http2 = HttpClient.newBuilder().sslContext(certificate.trustingContext()).build();
        http1 = HttpClient.newBuilder().sslContext(certificate.trustingContext())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
        TempDirs.deleteRecursively(prefix);
    }

    @Test
    void fileAtTheLimitPassesIntactBothWays() throws Exception {
        String token = server.users().register("atlimit").accessToken();
        byte[] content = FileClient.randomBytes(LIMIT, 1);

        HttpResponse<String> response = upload(http2, token, FileClient.form("limit.bin", content), false);
        FileInfo info = server.read(response, FileInfo.class);
        HttpResponse<byte[]> download = http2.send(request(token, "/api/files/" + info.id()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(info.sha256()).isEqualTo(FileClient.sha256(content));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(FileClient.sha256(download.body())).isEqualTo(info.sha256());
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment;"));
    }

    @Test
    void oneByteOverTheLimitGetsTheServersJson413WithAndWithoutLength() throws Exception {
        String token = server.users().register("overlimit").accessToken();
        byte[] form = FileClient.form("over.bin", FileClient.randomBytes(LIMIT + 1, 2));

        for (HttpClient client : new HttpClient[] {http1, http2}) {
            for (boolean chunked : new boolean[] {false, true}) {
                HttpResponse<String> response = upload(client, token, form, chunked);

                assertThat(response.statusCode()).as(client.version() + " chunked=" + chunked + ": "
                        + response.body()).isEqualTo(413);
                assertThat(response.body()).contains("\"code\":\"file_too_large\"");
            }
        }
    }

    @Test
    void bodyOverNginxsLimitIsRefusedWithAStatusTheClientReceives() throws Exception {
        String token = server.users().register("overnginx").accessToken();
        byte[] form = FileClient.form("huge.bin", FileClient.randomBytes((LIMIT_MB + 11) * 1024 * 1024, 3));

        for (HttpClient client : new HttpClient[] {http1, http2}) {
            HttpResponse<String> response = upload(client, token, form, false);

            assertThat(response.statusCode()).as(client.version() + ": " + response.body()).isEqualTo(413);
        }
        assertThat(nginx.errorLog()).contains("client intended to send too large body");
    }

    @Test
    void uploadRefusedBeforeItIsReadIsAnsweredNot502() throws Exception {
        // nginx asks for Connection: close upstream; the server must still read the body it refuses, or the
        // close resets the connection under nginx and the client gets 502 instead of the real answer.
        byte[] form = FileClient.form("late.bin", FileClient.randomBytes(8 * 1024 * 1024, 4));

        for (HttpClient.Version version : HttpClient.Version.values()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                // A new client each time: after an early answer nginx may close the client connection while
                // discarding the rest of the body, and reusing it would be a client race, not our answer.
                try (HttpClient client = HttpClient.newBuilder().sslContext(certificate.trustingContext())
                        .version(version).build()) {
                    HttpResponse<String> response = upload(client, "expired-token", form, attempt % 2 == 1);

                    assertThat(response.statusCode()).as(version + ": " + response.body()).isEqualTo(401);
                    assertThat(response.body()).contains("\"code\":\"invalid_token\"");
                }
            }
        }
    }

    private static HttpResponse<String> upload(HttpClient client, String token, byte[] form, boolean chunked)
            throws Exception {
        HttpRequest.BodyPublisher body = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))
                : HttpRequest.BodyPublishers.ofByteArray(form);
        return client.send(request(token, "/api/files")
                .header("Content-Type", "multipart/form-data; boundary=" + FileClient.BOUNDARY).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + HTTPS_PORT + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
    }
}
