package org.chatalot.installer.doctor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.chatalot.model.ApiPaths;

/**
 * The WebSocket at {@code /ws} as a browser opens it (with its Origin), then the chat protocol's
 * {@code authenticate} and {@code ping}, then an idle hold that outlasts nginx's default 60 s read timeout.
 * One socket serves all three checks, in order.
 */
final class WebSocketChecks implements AutoCloseable {
    private final DoctorRequest request;
    private final HttpClient https;
    private final Fixes fixes;
    private final ObjectMapper json = new ObjectMapper();
    private final SocketListener listener = new SocketListener();
    private WebSocket socket;
    private boolean isAuthenticated;

    WebSocketChecks(DoctorRequest request, HttpClient https, Fixes fixes) {
        this.request = request;
        this.https = https;
        this.fixes = fixes;
    }

    Finding upgrade() {
        String title = "WebSocket upgrade at wss://…" + ApiPaths.WEBSOCKET;
        URI uri = URI.create("wss://" + request.url().getRawAuthority() + ApiPaths.WEBSOCKET);
        long start = System.nanoTime();
        try {
            socket = https.newWebSocketBuilder().header("Origin", request.origin())
                    .connectTimeout(request.timeout()).buildAsync(uri, listener)
                    .get(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return Finding.pass("ws.upgrade", title, "101 Switching Protocols in " + millisSince(start) + " ms");
        } catch (ExecutionException e) {
            return upgradeFailed(title, e.getCause());
        } catch (TimeoutException e) {
            return Finding.fail("ws.upgrade", title, "no answer to the upgrade within " + request.timeout().toSeconds()
                    + " s", fixes.webSocketHeaders());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.skip("ws.upgrade", title, "interrupted");
        }
    }

    private Finding upgradeFailed(String title, Throwable cause) {
        if (cause instanceof WebSocketHandshakeException handshake) {
            int status = handshake.getResponse().statusCode();
            String evidence = "the upgrade was answered with HTTP " + status + " instead of 101";
            String fix = status == 403
                    ? "The server refused the Origin " + request.origin() + ": forward the browser's Host with its "
                    + "port (proxy_set_header Host $http_host;) and set PUBLIC_URL=" + request.origin() + "."
                    : fixes.webSocketHeaders();
            return Finding.fail("ws.upgrade", title, evidence, fix);
        }
        return Finding.fail("ws.upgrade", title, "upgrade failed: " + TlsChecks.describe(cause),
                fixes.webSocketHeaders());
    }

    /** Sends {@code authenticate}, expects {@code authenticated}, then times a JSON ping/pong. */
    Finding authenticate(Optional<String> token) {
        String title = "WebSocket authenticates and answers ping";
        if (socket == null) {
            return Finding.skip("ws.auth", title, "because no WebSocket was opened (see ws.upgrade)");
        }
        if (token.isEmpty()) {
            return Finding.skip("ws.auth", title, "because no access token or login was given (--token or --user)");
        }
        try {
            ObjectNode hello = json.createObjectNode().put("type", "authenticate").put("token", token.get());
            socket.sendText(json.writeValueAsString(hello), true).join();
            JsonNode answer = await("authenticated", "error");
            if (!answer.path("type").asText().equals("authenticated")) {
                return Finding.fail("ws.auth", title, "server answered " + answer,
                        "The token was refused: log in again (tokens last 15 minutes) or pass --user.\n");
            }
            isAuthenticated = true;
            long rtt = pingMillis();
            return Finding.pass("ws.auth", title, "authenticated as user " + answer.path("user_id").asText()
                    + " (server " + answer.path("server_version").asText("?") + "); ping round trip " + rtt + " ms");
        } catch (TimeoutException e) {
            return Finding.fail("ws.auth", title, e.getMessage() + "; " + ended(), fixes.webSocketTimeout());
        } catch (Exception e) {
            return Finding.fail("ws.auth", title, "socket failed: " + TlsChecks.describe(e) + "; " + ended(),
                    fixes.webSocketHeaders());
        }
    }

    /** Holds the authenticated socket idle for {@code request.idle()}, then proves it still answers. */
    Finding idle() {
        Duration idle = request.idle();
        String title = "Idle WebSocket survives " + idle.toSeconds() + " s";
        if (!isAuthenticated) {
            return Finding.skip("ws.idle", title, "because it needs an authenticated WebSocket (see ws.auth)");
        }
        long start = System.nanoTime();
        try {
            String end = listener.ended.get(idle.toMillis(), TimeUnit.MILLISECONDS);
            String seconds = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9);
            return Finding.fail("ws.idle", title, "the idle socket was " + end + " after " + seconds + " s",
                    fixes.webSocketTimeout());
        } catch (TimeoutException stillOpen) {
            return pingAfterIdle(title, idle);
        } catch (ExecutionException | InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.skip("ws.idle", title, "interrupted");
        }
    }

    private Finding pingAfterIdle(String title, Duration idle) {
        try {
            return Finding.pass("ws.idle", title, "still open after " + idle.toSeconds()
                    + " s idle; ping round trip " + pingMillis() + " ms");
        } catch (Exception e) {
            return Finding.fail("ws.idle", title, "open but silent after " + idle.toSeconds() + " s: "
                    + TlsChecks.describe(e) + "; " + ended(), fixes.webSocketTimeout());
        }
    }

    private long pingMillis() throws Exception {
        long start = System.nanoTime();
        socket.sendText("{\"type\":\"ping\"}", true).join();
        await("pong");
        return millisSince(start);
    }

    private JsonNode await(String... types) throws Exception {
        long deadline = System.nanoTime() + request.timeout().toNanos();
        while (System.nanoTime() < deadline) {
            String text = listener.messages.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000),
                    TimeUnit.MILLISECONDS);
            if (text == null) {
                break;
            }
            JsonNode node = json.readTree(text);
            for (String type : types) {
                if (node.path("type").asText().equals(type)) {
                    return node;
                }
            }
        }
        throw new TimeoutException("no " + String.join("/", types) + " within " + request.timeout().toSeconds() + " s");
    }

    private String ended() {
        return listener.ended.isDone() ? "socket " + listener.ended.join() : "socket still open";
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "doctor done").orTimeout(2, TimeUnit.SECONDS).join();
            } catch (CompletionException alreadyGone) {
                socket.abort();
            }
        }
    }
}
