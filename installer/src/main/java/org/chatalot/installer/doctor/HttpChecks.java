package org.chatalot.installer.doctor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.chatalot.model.ApiPaths;

/** Plain HTTP redirect, HSTS and the health endpoint, over the same trust as everything else. */
final class HttpChecks {
    /** Six months: browsers' HSTS preload list asks for at least a year, six months is the usual floor. */
    static final long MIN_HSTS_SECONDS = 15_768_000L;
    static final String REDIRECT_PATH = "/doctor-redirect-check?x=1";
    private static final Pattern MAX_AGE = Pattern.compile("(?i)max-age\\s*=\\s*\"?(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpChecks() {
    }

    /** What the plain-HTTP port answered (read early: its Server header names the proxy), or why it did not. */
    record PlainAnswer(URI uri, Optional<HttpResponse<Void>> response, String failure) {
    }

    static PlainAnswer fetchRedirect(DoctorRequest request) {
        String portPart = request.httpPort() == 80 ? "" : ":" + request.httpPort();
        URI uri = URI.create("http://" + request.host() + portPart + REDIRECT_PATH);
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(request.timeout()).build();
        try {
            return new PlainAnswer(uri, Optional.of(plain.send(HttpRequest.newBuilder(uri).timeout(request.timeout())
                    .build(), HttpResponse.BodyHandlers.discarding())), "");
        } catch (IOException e) {
            return new PlainAnswer(uri, Optional.empty(), TlsChecks.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PlainAnswer(uri, Optional.empty(), "interrupted");
        }
    }

    static Finding redirect(DoctorRequest request, PlainAnswer answer, Fixes fixes) {
        String title = "HTTP (port " + request.httpPort() + ") redirects to HTTPS";
        if (answer.response().isEmpty()) {
            return Finding.fail("http.redirect", title, "GET " + answer.uri() + " failed: " + answer.failure(),
                    fixes.redirect());
        }
        HttpResponse<Void> response = answer.response().get();
        String location = response.headers().firstValue("location").orElse("");
        String evidence = "GET " + answer.uri() + " -> " + response.statusCode() + " " + location;
        boolean toUs = location.startsWith(request.origin() + "/doctor-redirect-check");
        if ((response.statusCode() == 301 || response.statusCode() == 308) && toUs) {
            return Finding.pass("http.redirect", title, evidence);
        }
        if ((response.statusCode() == 302 || response.statusCode() == 307) && toUs) {
            return Finding.warn("http.redirect", title, evidence + " (temporary: browsers will not remember it)",
                    fixes.redirect());
        }
        return Finding.fail("http.redirect", title, evidence + "; expected 301 to " + request.origin() + "/…",
                fixes.redirect());
    }

    /** GET /api/health once; the health and the HSTS verdicts both read it. */
    static HttpResponse<String> fetchHealth(DoctorRequest request, HttpClient https)
            throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(URI.create(request.origin() + ApiPaths.HEALTH))
                .timeout(request.timeout()).header("Accept", "application/json").build();
        return https.send(get, HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the answer is Chatalot's own health body (ok or degraded), not a proxy's page. */
    static boolean isFromTheServer(HttpResponse<String> response) {
        return parse(response.body()).map(body -> body.path("status").asText("")).filter(
                status -> status.equals("ok") || status.equals("degraded")).isPresent();
    }

    static Finding hsts(HttpResponse<String> response, Fixes fixes) {
        String title = "HSTS header on HTTPS responses";
        Optional<String> header = response.headers().firstValue("strict-transport-security");
        if (header.isEmpty()) {
            return Finding.fail("http.hsts", title, "no Strict-Transport-Security header on " + response.uri(),
                    fixes.hsts());
        }
        Matcher matcher = MAX_AGE.matcher(header.get());
        long maxAge = matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
        if (maxAge < MIN_HSTS_SECONDS) {
            return Finding.warn("http.hsts", title, "\"" + header.get() + "\": max-age under six months",
                    fixes.hsts());
        }
        return Finding.pass("http.hsts", title, "\"" + header.get() + "\"");
    }

    static Finding health(HttpResponse<String> response, long millis, String proxy, Fixes fixes) {
        String title = "GET " + ApiPaths.HEALTH + " over HTTPS";
        String evidence = response.statusCode() + " " + response.version() + " in " + millis + " ms: "
                + abbreviate(response.body());
        Optional<JsonNode> body = parse(response.body());
        String status = body.map(node -> node.path("status").asText("")).orElse("");
        if (response.statusCode() == 200 && status.equals("ok")) {
            return Finding.pass("http.health", title, evidence);
        }
        if (status.equals("degraded")) {
            return Finding.fail("http.health", title, evidence,
                    "The server is up but unhealthy (db_healthy=" + body.get().path("db_healthy").asText()
                            + "): see its log (journalctl -u chatalot) and docs/operations.md.\n");
        }
        if (response.statusCode() == 502 || response.statusCode() == 503 || response.statusCode() == 504) {
            return Finding.fail("http.health", title, evidence + " (from " + proxy
                    + "): the proxy answers, the Chatalot server behind it does not", fixes.serverDown());
        }
        return Finding.fail("http.health", title, evidence + " (from " + proxy + "): not Chatalot's health answer",
                fixes.notChatalot());
    }

    private static Optional<JsonNode> parse(String body) {
        try {
            return Optional.ofNullable(JSON.readTree(body)).filter(JsonNode::isObject);
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.isEmpty() ? "(empty body)" : flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
