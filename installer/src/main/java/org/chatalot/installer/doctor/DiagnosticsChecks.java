package org.chatalot.installer.doctor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the server saw of our own request ({@code GET /api/admin/diagnostics/request}, admin token): whether
 * the proxy's forwarded headers arrived and were believed, and whether PUBLIC_URL is the URL we checked.
 */
final class DiagnosticsChecks {
    static final String PATH = "/api/admin/diagnostics/request";
    /**
     * An address (TEST-NET-1, never a real client) our request claims in the headers a proxy commonly passes on
     * untouched: RFC 7239 {@code Forwarded} (nginx, Caddy, Traefik) and {@code X-Real-IP} (Caddy). A server that
     * reports it as the client IP believes what any client says. {@code X-Forwarded-For} is left alone: a
     * proxy appends to it, and when we run from an address in TRUSTED_PROXIES (on the box itself) the server
     * would rightly walk past us to whatever we had put in front.
     */
    static final String FORGED_ADDRESS = "192.0.2.61";
    static final Map<String, String> FORGED_HEADERS = Map.of(
            "Forwarded", "for=" + FORGED_ADDRESS + ";proto=http;host=forged.invalid",
            "X-Real-IP", FORGED_ADDRESS);
    private final DoctorRequest request;
    private final HttpClient https;
    private final ObjectMapper json = new ObjectMapper();

    DiagnosticsChecks(DoctorRequest request, HttpClient https) {
        this.request = request;
        this.https = https;
    }

    /** The server's echo, or why there is none (as the evidence of a skip). */
    Diagnostics fetch(Optional<String> token) {
        if (token.isEmpty()) {
            return Diagnostics.missing("because it needs an admin's access token or login (--token or --user)");
        }
        try {
            HttpRequest.Builder echo = HttpRequest.newBuilder(URI.create(request.origin() + PATH))
                    .timeout(request.timeout()).header("Authorization", "Bearer " + token.get());
            FORGED_HEADERS.forEach(echo::header);
            HttpResponse<String> response = https.send(echo.build(), HttpResponse.BodyHandlers.ofString());
            return switch (response.statusCode()) {
                case 200 -> new Diagnostics(Optional.of(json.readTree(response.body())), "");
                case 401, 403 -> Diagnostics.missing("because the token is not an admin's ("
                        + response.statusCode() + ")");
                case 404 -> Diagnostics.missing("because the server has no " + PATH
                        + " (older version, or ADMIN_ALLOWED_CIDRS)");
                default -> Diagnostics.missing("because " + PATH + " answered " + response.statusCode());
            };
        } catch (IOException e) {
            return Diagnostics.missing("because " + PATH + " failed: " + TlsChecks.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Diagnostics.missing("because the run was interrupted");
        }
    }

    record Diagnostics(Optional<JsonNode> body, String whyMissing) {
        static Diagnostics missing(String why) {
            return new Diagnostics(Optional.empty(), why);
        }

        /** The server's side of the proxy's connection: where the proxy forwards to. */
        Optional<String> listenAddress() {
            return body.map(node -> node.path("listen_address").asText("")).filter(value -> !value.isEmpty());
        }
    }

    Finding forwarded(Diagnostics diagnostics, Optional<InetAddress> ourAddress, Fixes fixes) {
        String title = "Forwarded headers reach the server (client IP, https)";
        if (diagnostics.body().isEmpty()) {
            return Finding.skip("proxy.forwarded", title, diagnostics.whyMissing());
        }
        JsonNode seen = diagnostics.body().get();
        String peer = seen.path("peer_address").asText();
        String client = seen.path("client_ip").asText();
        String trust = seen.path("trusted_proxy").asBoolean() ? " (trusted proxy)" : " (not trusted)";
        String evidence = "peer " + peer + trust + ", client_ip " + client + ", scheme " + seen.path("scheme").asText()
                + ", headers "
                + headerNames(seen.path("forwarded_headers"));
        if (!seen.path("trusted_proxy").asBoolean()) {
            return Finding.fail("proxy.forwarded", title, evidence, "The server does not believe its peer " + peer
                    + ": add the proxy's address to TRUSTED_PROXIES (e.g. TRUSTED_PROXIES=" + peer + "/32).\n");
        }
        if (client.equals(FORGED_ADDRESS)) {
            return Finding.fail("proxy.forwarded", title, evidence + "; the server believed the forged address "
                    + FORGED_ADDRESS + " our request claimed: any client can choose its IP", fixes.forged());
        }
        boolean hasFor = hasHeader(seen.path("forwarded_headers"), "x-forwarded-for")
                || hasHeader(seen.path("forwarded_headers"), "forwarded");
        if (!hasFor || !"https".equals(seen.path("scheme").asText())) {
            return Finding.fail("proxy.forwarded", title, evidence, fixes.forwarded());
        }
        String ours = ourAddress.map(InetAddress::getHostAddress).orElse("");
        if (client.equals(peer) && !client.equals(ours)) {
            return Finding.fail("proxy.forwarded", title, evidence + "; every client would appear as the proxy",
                    fixes.forwarded());
        }
        return Finding.pass("proxy.forwarded", title, evidence + (client.equals(ours) ? "; client_ip is our address"
                : "; client_ip differs from our local address " + ours + " (NAT between us and the proxy?)"));
    }

    Finding publicUrl(Diagnostics diagnostics) {
        String title = "PUBLIC_URL matches " + request.origin();
        if (diagnostics.body().isEmpty()) {
            return Finding.skip("config.public-url", title, diagnostics.whyMissing());
        }
        JsonNode value = diagnostics.body().get().path("public_url");
        String fix = "Set PUBLIC_URL=" + request.origin() + " in the server's environment (/etc/chatalot/chatalot.env)"
                + " and restart it.\n";
        if (value.isMissingNode() || value.isNull() || value.asText().isEmpty()) {
            return Finding.warn("config.public-url", title, "PUBLIC_URL is not set on the server", fix);
        }
        String configured = value.asText().replaceAll("/+$", "").replaceFirst(":443$", "").toLowerCase(Locale.ROOT);
        return configured.equals(request.origin().toLowerCase(Locale.ROOT))
                ? Finding.pass("config.public-url", title, "PUBLIC_URL=" + value.asText())
                : Finding.fail("config.public-url", title, "PUBLIC_URL=" + value.asText() + " but users reach "
                + request.origin(), fix);
    }

    private static boolean hasHeader(JsonNode headers, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            if (it.next().getKey().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static String headerNames(JsonNode headers) {
        StringBuilder names = new StringBuilder("[");
        headers.fieldNames().forEachRemaining(name -> names.append(names.length() > 1 ? ", " : "").append(name));
        return names.append(']').toString();
    }
}
