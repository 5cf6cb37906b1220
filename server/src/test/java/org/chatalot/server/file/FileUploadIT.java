package org.chatalot.server.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.error.ErrorBody;
import org.chatalot.model.file.FileInfo;
import org.chatalot.server.testing.ErrorAssertions;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.RawHttp;
import org.chatalot.server.testing.TestServer;

/** Uploads and downloads through the real server: content, limits, types and names. */
class FileUploadIT {
    private static final int LIMIT = 1024 * 1024;

    @RegisterExtension
    static TestServer server = TestServer.create().with("MAX_FILE_SIZE_MB", "1").with("UPLOAD_QUOTA_MB", "0");

    private final FileClient files = new FileClient(server);

    @Test
    void uploadAndDownloadRoundTripWithChecksum() {
        String token = token("roundtrip");
        byte[] content = FileClient.randomBytes(300_000, 1);

        FileInfo info = files.uploaded(token, "photo.raw", content);
        HttpResponse<byte[]> download = files.download(token, info.id());

        assertThat(info.sizeBytes()).isEqualTo(content.length);
        assertThat(info.sha256()).isEqualTo(FileClient.sha256(content));
        assertThat(info.name()).isEqualTo("photo.raw");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(FileClient.sha256(download.body())).isEqualTo(info.sha256());
        assertThat(server.users().expect(200, server.users().get(token, "/api/files/" + info.id() + "/meta"),
                FileInfo.class)).isEqualTo(info);
    }

    @Test
    void fileOfExactlyTheLimitIsAcceptedWithAndWithoutContentLength() {
        String token = token("exact");
        byte[] content = FileClient.randomBytes(LIMIT, 2);

        HttpResponse<String> withLength = files.upload(token, "exact.bin", content);
        HttpResponse<String> chunked = files.uploadChunked(token, "exact.bin", content);

        assertThat(server.users().expect(201, withLength, FileInfo.class).sizeBytes()).isEqualTo(LIMIT);
        assertThat(server.users().expect(201, chunked, FileInfo.class).sha256()).isEqualTo(FileClient.sha256(content));
    }

    @Test
    void oneByteOverTheLimitIs413JsonWithContentLength() {
        HttpResponse<String> response = files.upload(token("over1"), "big.bin", FileClient.randomBytes(LIMIT + 1, 3));

        assertError(response, 413, "file_too_large", "1 MiB");
        assertNoUploadInProgress();
    }

    @Test
    void oneByteOverTheLimitIs413JsonWhenChunked() {
        HttpResponse<String> response = files.uploadChunked(token("over2"), "big.bin",
                FileClient.randomBytes(LIMIT + 1, 4));

        assertError(response, 413, "file_too_large", "1 MiB");
        assertNoUploadInProgress();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void declaredOversizeIsRefusedBeforeTheBodyWhenTheClientExpectsContinue() throws IOException {
        try (RawHttp http = new RawHttp(server.server().port())) {
            RawHttp.Response refused = http.send(uploadHead(token("expect"), "Content-Length: 5000000\r\n"
                    + "Expect: 100-continue\r\n")).read();
            RawHttp.Response next = http.send("GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n").read();

            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.body()).contains("\"code\":\"file_too_large\"");
            assertThat(next.status()).as("same connection, no body was expected").isEqualTo(200);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void clientThatSendsTheWholeBodyBeforeReadingStillGetsThe413() throws IOException {
        byte[] body = FileClient.form("big.bin", FileClient.randomBytes(6 * LIMIT, 5));
        try (RawHttp http = new RawHttp(server.server().port())) {
            http.send(uploadHead(token("naive"), "Content-Length: " + body.length + "\r\n")).send(body);
            RawHttp.Response response = http.read();
            RawHttp.Response next = http.send("GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n").read();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).contains("\"code\":\"file_too_large\"");
            assertThat(next.status()).as("the body was read to its end: the connection is clean").isEqualTo(200);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void chunkedClientThatSendsEverythingBeforeReadingStillGetsThe413() throws IOException {
        byte[] body = FileClient.form("big.bin", FileClient.randomBytes(3 * LIMIT, 6));
        try (RawHttp http = new RawHttp(server.server().port())) {
            http.send(uploadHead(token("naivechunk"), "Transfer-Encoding: chunked\r\n")).sendChunked(body);
            RawHttp.Response response = http.read();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).contains("\"code\":\"file_too_large\"");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void uploadRefusedBeforeItsHandlerStillReachesAClientThatAskedToClose() throws IOException {
        // nginx sends Connection: close upstream on every request; an expired token is refused by Access.
        byte[] body = FileClient.form("big.bin", FileClient.randomBytes(8 * LIMIT, 8));
        try (RawHttp http = new RawHttp(server.server().port())) {
            http.send(uploadHead("expired", "Content-Length: " + body.length + "\r\nConnection: close\r\n"))
                    .send(body);
            RawHttp.Response response = http.read();

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).contains("\"code\":\"invalid_token\"");
        }
    }

    @Test
    void executablesAndScriptsAreRefusedWith415() {
        String token = token("exe");
        byte[] windows = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
        byte[] linux = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        byte[] script = "#!/bin/sh\nrm -rf ~\n".getBytes(StandardCharsets.UTF_8);

        assertError(files.upload(token, "invoice.pdf", windows), 415, "file_type_refused", "Windows program");
        assertError(files.upload(token, "photo.jpg", linux), 415, "file_type_refused", "Linux program");
        assertError(files.upload(token, "notes.txt", script), 415, "file_type_refused", "a script");
        assertError(files.upload(token, "setup.exe", "harmless".getBytes(StandardCharsets.UTF_8)), 415,
                "file_type_refused", ".exe");
        assertNoUploadInProgress();
    }

    @Test
    void aLongNameCutJustAfterAnExecutableExtensionIsStillRefused() {
        String token = token("longexe");
        byte[] harmless = "harmless".getBytes(StandardCharsets.UTF_8);
        // Cut to 255 bytes, these end in ".exe " and ".exe.", which Windows saves as ".exe".
        for (String name : List.of("a".repeat(250) + ".exe " + "b".repeat(30), "a".repeat(250) + ".exe." + "b".repeat(30),
                "a".repeat(249) + ".exe. " + "b".repeat(30))) {
            assertError(files.upload(token, name, harmless), 415, "file_type_refused", ".exe");
        }
        assertNoUploadInProgress();
    }

    @Test
    void contentTypeComesFromTheBytesNotTheClient() {
        String token = token("sniff");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] svg = ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">"
                + "<script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8);

        FileInfo image = files.uploaded(token, "report.html", png);
        FileInfo vector = files.uploaded(token, "logo.svg", svg);
        HttpResponse<byte[]> download = files.download(token, vector.id());

        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(vector.contentType()).isEqualTo("image/svg+xml");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment;"));
        assertThat(download.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; sandbox");
    }

    @Test
    void downloadsAreAlwaysPrivateNosniffAttachmentsWithTheNameEncoded() {
        String token = token("headers");
        FileInfo info = files.uploaded(token, "Ünïcode résumé.txt", "hello".getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> download = files.download(token, info.id());

        assertThat(download.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"_n_code r_sum_.txt\"; "
                        + "filename*=UTF-8''%C3%9Cn%C3%AFcode%20r%C3%A9sum%C3%A9.txt");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.headers().firstValue("Cache-Control")).contains("private");
        assertThat(download.headers().firstValue("Content-Type")).contains("text/plain");
        assertThat(download.headers().firstValue("Content-Length")).contains("5");
    }

    @Test
    void pathTraversalLookingNamesAreStoredSafely() throws IOException {
        String token = token("traversal");
        Path dataDir = server.dataDir();

        FileInfo dots = files.uploaded(token, "../../../../etc/passwd", "x".getBytes(StandardCharsets.UTF_8));
        FileInfo windows = files.uploaded(token, "..\\\\..\\\\boot.ini", "y".getBytes(StandardCharsets.UTF_8));
        FileInfo onlyDots = files.uploaded(token, "..", "z".getBytes(StandardCharsets.UTF_8));

        assertThat(List.of(dots.name(), windows.name(), onlyDots.name())).containsExactly("passwd", "boot.ini", "file");
        assertThat(Files.exists(dataDir.resolve("etc"))).isFalse();
        try (Stream<Path> stored = Files.walk(dataDir.resolve("files"))) {
            assertThat(stored.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .contains(dots.id().toString()).noneMatch(name -> name.contains("passwd"));
        }
    }

    @Test
    void rangesAreServedAndAnUnsatisfiableOneIs416() {
        String token = token("ranges");
        byte[] content = "0123456789".getBytes(StandardCharsets.UTF_8);
        FileInfo info = files.uploaded(token, "digits.txt", content);

        HttpResponse<byte[]> middle = files.download(token, info.id(), "Range", "bytes=2-5");
        HttpResponse<byte[]> tail = files.download(token, info.id(), "Range", "bytes=-3");
        HttpResponse<byte[]> outside = files.download(token, info.id(), "Range", "bytes=10-");

        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(new String(middle.body(), StandardCharsets.UTF_8)).isEqualTo("2345");
        assertThat(middle.headers().firstValue("Content-Range")).contains("bytes 2-5/10");
        assertThat(new String(tail.body(), StandardCharsets.UTF_8)).isEqualTo("789");
        assertThat(outside.statusCode()).isEqualTo(416);
        assertThat(outside.headers().firstValue("Content-Range")).contains("bytes */10");
    }

    @Test
    void badRequestsGetJsonErrorsNamingTheField() {
        String token = token("badreq");
        HttpResponse<String> notMultipart = server.send(server.request("/api/files")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("raw")).build());
        HttpResponse<String> noFilePart = files.send(token, "/api/files", HttpRequest.BodyPublishers.ofString(
                "--" + FileClient.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
                        + FileClient.BOUNDARY + "--\r\n"));
        HttpResponse<String> cutShort = files.send(token, "/api/files", HttpRequest.BodyPublishers.ofByteArray(
                FileClient.head("a.txt")));
        HttpResponse<String> badChannel = files.send(token, "/api/files?channel_id=nope",
                HttpRequest.BodyPublishers.ofByteArray(FileClient.form("a.txt", new byte[] {'a'})));

        assertError(notMultipart, 415, "unsupported_media_type", "multipart/form-data");
        assertThat(assertError(noFilePart, 400, "validation_failed", "file: required").error().field())
                .isEqualTo("file");
        assertError(cutShort, 400, "validation_failed", "before the closing boundary");
        assertThat(assertError(badChannel, 400, "validation_failed", "channel_id").error().field())
                .isEqualTo("channel_id");
        assertError(server.users().get(token, "/api/files/not-an-id"), 404, "not_found", "no such file");
        assertNoUploadInProgress();
    }

    private String token(String username) {
        return server.users().register(username).accessToken();
    }

    private static String uploadHead(String token, String framing) {
        return "POST /api/files HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + FileClient.BOUNDARY + "\r\n" + framing + "\r\n";
    }

    private static void assertNoUploadInProgress() {
        try (Stream<Path> incoming = Files.list(server.dataDir().resolve("files").resolve(".incoming"))) {
            assertThat(incoming).as("temp files of finished uploads").isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ErrorBody assertError(HttpResponse<String> response, int status, String code, String message) {
        return ErrorAssertions.assertError(server, response, status, code, message);
    }
}
