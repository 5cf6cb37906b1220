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
    private static final Pattern MAX_AGE = Pattern.compile("(?i)max-age\\s*=\\s*\"?(\\d+)");
    private final DoctorRequest request;
    private final HttpClient https;
    private final ObjectMapper json = new ObjectMapper();

    HttpChecks(DoctorRequest request, HttpClient https) {
        this.request = request;
        this.https = https;
    }

    Finding redirect() {
        String title = "HTTP (port " + request.httpPort() + ") redirects to HTTPS";
        String portPart = request.httpPort() == 80 ? "" : ":" + request.httpPort();
        URI uri = URI.create("http://" + request.host() + portPart + "/doctor-redirect-check?x=1");
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(request.timeout()).build();
        try {
            HttpResponse<Void> response = plain.send(HttpRequest.newBuilder(uri).timeout(request.timeout()).build(),
                    HttpResponse.BodyHandlers.discarding());
            String location = response.headers().firstValue("location").orElse("");
            String evidence = "GET " + uri + " -> " + response.statusCode() + " " + location;
            boolean toUs = location.startsWith(request.origin() + "/doctor-redirect-check");
            if ((response.statusCode() == 301 || response.statusCode() == 308) && toUs) {
                return Finding.pass("http.redirect", title, evidence);
            }
            if ((response.statusCode() == 302 || response.statusCode() == 307) && toUs) {
                return Finding.warn("http.redirect", title, evidence + " (temporary: browsers will not remember it)",
                        Fixes.REDIRECT);
            }
            return Finding.fail("http.redirect", title, evidence + "; expected 301 to " + request.origin() + "/…",
                    Fixes.REDIRECT);
        } catch (IOException e) {
            return Finding.fail("http.redirect", title, "GET " + uri + " failed: " + TlsChecks.describe(e),
                    Fixes.REDIRECT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.skip("http.redirect", title, "interrupted");
        }
    }

    /** GET /api/health once; both the health and the HSTS verdicts read it. */
    Optional<HttpResponse<String>> fetchHealth() throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(URI.create(request.origin() + ApiPaths.HEALTH))
                .timeout(request.timeout()).header("Accept", "application/json").build();
        return Optional.of(https.send(get, HttpResponse.BodyHandlers.ofString()));
    }

    Finding hsts(HttpResponse<String> response) {
        String title = "HSTS header on HTTPS responses";
        Optional<String> header = response.headers().firstValue("strict-transport-security");
        if (header.isEmpty()) {
            return Finding.fail("http.hsts", title, "no Strict-Transport-Security header on " + response.uri(),
                    Fixes.HSTS);
        }
        Matcher matcher = MAX_AGE.matcher(header.get());
        long maxAge = matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
        if (maxAge < MIN_HSTS_SECONDS) {
            return Finding.warn("http.hsts", title, "\"" + header.get() + "\": max-age under six months",
                    Fixes.HSTS);
        }
        return Finding.pass("http.hsts", title, "\"" + header.get() + "\"");
    }

    Finding health(HttpResponse<String> response, long millis) {
        String title = "GET " + ApiPaths.HEALTH + " over HTTPS";
        String evidence = response.statusCode() + " " + response.version() + " in " + millis + " ms: "
                + abbreviate(response.body());
        Optional<JsonNode> body = parse(response.body());
        String status = body.map(node -> node.path("status").asText("")).orElse("");
        if (response.statusCode() == 200 && status.equals("ok")) {
            return Finding.pass("http.health", title, evidence);
        }
        if (response.statusCode() == 503 && status.equals("degraded")) {
            return Finding.fail("http.health", title, evidence,
                    "The server is up but unhealthy (db_healthy=" + body.get().path("db_healthy").asText()
                            + "): see its log (journalctl -u chatalot) and docs/operations.md.");
        }
        return Finding.fail("http.health", title, evidence, response.statusCode() == 502
                || response.statusCode() == 504
                ? "The proxy cannot reach the server: is it running (systemctl status chatalot) and does proxy_pass "
                + "name its LISTEN_ADDR?"
                : "This is not Chatalot's health answer: check that the proxy's location / passes to the server.");
    }

    private Optional<JsonNode> parse(String body) {
        try {
            return Optional.of(json.readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
