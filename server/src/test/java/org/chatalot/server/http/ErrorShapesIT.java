package org.chatalot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.error.ErrorBody;
import org.chatalot.server.testing.LogCapture;
import org.chatalot.server.testing.RawHttp;
import org.chatalot.server.testing.ProbeApi;
import org.chatalot.server.testing.TestServer;

class ErrorShapesIT {
    @RegisterExtension
    static TestServer server = TestServer.create()
            .with("MAX_FILE_SIZE_MB", "1")
            .withService(ProbeApi.PATH, new ProbeApi());

    @Test
    void unknownApiPathIsJson404() {
        HttpResponse<String> response = server.get("/api/no/such/thing");

        assertError(response, 404, "not_found", "no such endpoint: GET /api/no/such/thing");
    }

    @Test
    void wrongMethodIsJson405WithAllow() {
        HttpResponse<String> response = server.send(server.request("/api/health")
                .DELETE().build());

        assertError(response, 405, "method_not_allowed", "DELETE is not allowed here; use GET");
        assertThat(response.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void nonJsonContentTypeIs415() {
        HttpResponse<String> response = server.send(server.request(ProbeApi.PATH + "/echo")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("name=x")).build());

        assertError(response, 415, "unsupported_media_type", "Content-Type text/plain is not accepted here");
    }

    @Test
    void malformedJsonIs400SayingWhere() {
        HttpResponse<String> response = server.postJson(ProbeApi.PATH + "/echo", "{\"name\": \"a\",, }");

        assertError(response, 400, "malformed_json", "malformed JSON at line 1, column 14");
    }

    @Test
    void wrongTypeNamesTheField() {
        HttpResponse<String> response = server.postJson(ProbeApi.PATH + "/echo", "{\"name\":\"a\",\"count\":\"many\"}");

        ErrorBody body = assertError(response, 400, "validation_failed",
                "count: expected a whole number, got \"many\"");
        assertThat(body.error().field()).isEqualTo("count");
    }

    @Test
    void wrongTypeInsideAListNamesTheElement() {
        HttpResponse<String> response = server.postJson(ProbeApi.PATH + "/echo",
                "{\"name\":\"a\",\"count\":1,\"tags\":[1,\"two\"]}");

        ErrorBody body = assertError(response, 400, "validation_failed", "tags[1]: expected a whole number");
        assertThat(body.error().field()).isEqualTo("tags[1]");
    }

    @Test
    void emptyAndNullBodiesAre400() {
        assertError(server.postJson(ProbeApi.PATH + "/echo", ""), 400, "malformed_json", "request body is empty");
        assertError(server.postJson(ProbeApi.PATH + "/echo", "null"), 400, "malformed_json", "got null");
        assertError(server.postJson(ProbeApi.PATH + "/echo", "[1]"), 400, "malformed_json", "expected an object");
    }

    @Test
    void validBodyRoundTrips() {
        HttpResponse<String> response = server.postJson(ProbeApi.PATH + "/echo",
                "{\"name\":\"ünïcode ✓\",\"count\":3,\"tags\":[1,2],\"unknown\":true}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.read(response, ProbeApi.ProbeBody.class))
                .isEqualTo(new ProbeApi.ProbeBody("ünïcode ✓", 3, List.of(1, 2)));
    }

    @Test
    void jsonBodyOverTheLimitIs413WithContentLength() {
        byte[] body = ("{\"name\":\"" + "x".repeat(Json.MAX_BODY_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = server.send(server.request(ProbeApi.PATH + "/echo")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

        assertError(response, 413, "payload_too_large", "the limit is " + Json.MAX_BODY_BYTES);
    }

    @Test
    void jsonBodyOverTheLimitIs413WhenChunked() {
        byte[] body = ("{\"name\":\"" + "x".repeat(Json.MAX_BODY_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = server.send(server.request(ProbeApi.PATH + "/echo")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());

        assertError(response, 413, "payload_too_large", "larger than the limit");
    }

    @Test
    void bodyOverTheListenerLimitIsRefusedBeforeRoutingWithJson() throws IOException {
        // MAX_FILE_SIZE_MB=1 makes the listener accept at most 1 MiB + 16 MiB overhead.
        String response = rawExchange("POST " + ProbeApi.PATH + "/echo HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 30000000\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).containsIgnoringCase("content-type: application/json");
        assertThat(response).containsIgnoringCase("x-request-id: ");
        assertThat(response).contains("{\"error\":{\"code\":\"payload_too_large\"");
    }

    @Test
    void malformedHeaderGetsJson400() throws IOException {
        String response = rawExchange("GET /api/health HTTP/1.1\r\nHost: localhost\r\nno colon here\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("{\"error\":{\"code\":\"bad_request\"");
    }

    @Test
    void anUnsupportedTransferCodingIs501AndNotTheServersFault() throws IOException {
        try (LogCapture log = LogCapture.start()) {
            String response = rawExchange("POST " + ProbeApi.PATH + "/echo HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\n\r\n");

            assertThat(response).startsWith("HTTP/1.1 501");
            assertThat(response).contains("{\"error\":{\"code\":\"not_implemented\"").doesNotContain("request_id");
            assertThat(log.problems()).isEmpty();
        }
    }

    @Test
    void aMalformedConditionalDateIsIgnoredNeverA500() throws IOException {
        // The client's page and assets validate with ETags and ignore a date they cannot read (RFC 9110 13.1.3);
        // a static-file handler that parsed it strictly once answered 500.
        Matcher script = Pattern.compile("src=\"(/assets/[0-9a-f]+/app\\.js)\"").matcher(server.get("/").body());
        assertThat(script.find()).isTrue();
        for (String path : List.of("/", script.group(1), "/missing.css")) {
            for (String header : List.of("If-Modified-Since", "If-Unmodified-Since")) {
                try (LogCapture log = LogCapture.start()) {
                    String response = rawExchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + header
                            + ": yesterday\r\nConnection: close\r\n\r\n");

                    assertThat(response).as(path + " with " + header)
                            .startsWith(path.endsWith(".css") ? "HTTP/1.1 404" : "HTTP/1.1 200");
                    assertThat(log.problems()).isEmpty();
                }
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRequestLineOfAnyLengthOverTheLimitIs414() throws IOException {
        // Up to about 8 KiB arrives in the first read, and was answered; longer lines got no answer at all.
        for (int length : List.of(8_000, 9_000, 70_000)) {
            try (RawHttp http = new RawHttp(server.server().port())) {
                RawHttp.Response response = http.send("GET /api/health?q=" + "a".repeat(length)
                        + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").read();

                assertThat(response.status()).as("%d characters", length).isEqualTo(414);
                assertThat(response.body()).contains("\"code\":\"bad_request\"").contains("too long");
            }
        }
    }

    @Test
    void http10RequestsFromAProxyAreServed() throws IOException {
        // nginx talks HTTP/1.0 to its upstream unless proxy_http_version 1.1 is set
        String response = rawExchange("GET /api/health HTTP/1.0\r\nHost: chat.example.com\r\n"
                + "X-Forwarded-For: 198.51.100.77\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(response).contains("\"status\":\"ok\"");
    }

    @Test
    void unexpectedExceptionIs500WithRequestIdLoggedOnceAndNoDetails() {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ErrorResponses.class.getName());
        logger.addHandler(capture);
        try {
            HttpResponse<String> response = server.get(ProbeApi.PATH + "/boom");

            ErrorBody body = assertError(response, 500, "internal_error", "internal error; quote request id");
            String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(body.error().requestId()).isEqualTo(requestId);
            assertThat(response.body()).doesNotContain(ProbeApi.SECRET_DETAIL).doesNotContain("Exception")
                    .doesNotContain("at org.");
            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
                assertThat(record.getMessage()).contains(requestId).contains("/api/probe/boom");
                assertThat(record.getThrown()).hasMessage(ProbeApi.SECRET_DETAIL);
            });
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void everyResponseCarriesADistinctRequestId() {
        String first = server.get("/api/health").headers().firstValue("X-Request-Id").orElseThrow();
        String second = server.get("/api/nope").headers().firstValue("X-Request-Id").orElseThrow();

        assertThat(first).matches("[0-9a-f]{16}");
        assertThat(second).matches("[0-9a-f]{16}").isNotEqualTo(first);
    }

    private static ErrorBody assertError(HttpResponse<String> response, int status, String code, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        ErrorBody body = server.read(response, ErrorBody.class);
        assertThat(body.error().code()).isEqualTo(code);
        assertThat(body.error().message()).contains(message);
        return body;
    }

    private static String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            StringBuilder text = new StringBuilder();
            int read;
            while ((read = in.read(buffer)) > 0) {
                text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                if (text.indexOf("\r\n\r\n") > 0 && text.lastIndexOf("}") > text.indexOf("\r\n\r\n")) {
                    break;
                }
            }
            return text.toString();
        }
    }
}
