package org.chatalot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.LogCapture;
import org.chatalot.server.testing.RawHttp;
import org.chatalot.server.testing.TestServer;

/**
 * A body whose chunked framing is broken is the client's mistake: it gets a JSON 400 (the connection then
 * closes, since nothing after the bad framing can be trusted), and the operator's log stays quiet. A client
 * that stops sending half way gets its connection closed, also without a stack trace in the log.
 */
class MalformedRequestBodyIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    private static final String JSON_HEAD = "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aChunkSizeThatIsNotHexIs400AndNoStackTrace() throws IOException {
        try (LogCapture log = LogCapture.start(); RawHttp http = new RawHttp(server.server().port())) {
            RawHttp.Response response = http.send(JSON_HEAD + "zz\r\n{}\r\n0\r\n\r\n").read();

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("\"code\":\"bad_request\"");
            assertThat(response.hasHeader("Connection", "close")).as(response.head()).isTrue();
            assertThat(log.problems()).isEmpty();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aChunkSizeBeyondAnIntIs400() throws IOException {
        try (LogCapture log = LogCapture.start(); RawHttp http = new RawHttp(server.server().port())) {
            RawHttp.Response response = http.send(JSON_HEAD + "fffffffffff\r\n{}\r\n0\r\n\r\n").read();

            assertThat(response.status()).as(response.body()).isIn(400, 413);
            assertThat(log.problems()).isEmpty();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aBadTerminatingChunkIs400() throws IOException {
        try (LogCapture log = LogCapture.start(); RawHttp http = new RawHttp(server.server().port())) {
            RawHttp.Response response = http.send(JSON_HEAD + "2\r\n{}\r\n0\r\ngarbage\r\n\r\n").read();

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(log.problems()).isEmpty();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anUploadWithABadChunkSizeIs400() throws IOException {
        String token = server.users().register("chunky").accessToken();
        byte[] head = FileClient.head("notes.txt");
        try (LogCapture log = LogCapture.start(); RawHttp http = new RawHttp(server.server().port())) {
            http.send("POST /api/files HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + FileClient.BOUNDARY + "\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            http.send(Integer.toHexString(head.length) + "\r\n").send(head).send("\r\nnot-hex\r\nabc\r\n0\r\n\r\n");
            RawHttp.Response response = http.read();

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("\"code\":\"bad_request\"");
            assertThat(log.problems()).isEmpty();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aClientThatStopsSendingHalfWayLeavesNoStackTrace() throws Exception {
        try (LogCapture log = LogCapture.start(); RawHttp http = new RawHttp(server.server().port())) {
            http.send("POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 400\r\n\r\n{\"username\":\"half").stopSending();

            // The server closes once it has dealt with the request: by then anything it logged is in.
            assertThat(http.readUntilClosed()).doesNotContain("HTTP/1.1 500");
            assertThat(log.problems()).isEmpty();
        }
    }
}
