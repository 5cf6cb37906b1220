package org.chatalot.server.testing;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.chatalot.model.ApiPaths;

/**
 * What the web client's requests look like to the server: {@code X-Chatalot-Client: web}, the page's
 * {@code Origin} and a browser's User-Agent, and a cookie jar holding the refresh cookie for
 * {@code /api/auth} as a browser would (set and cleared by {@code Set-Cookie}, sent only under that path).
 */
public final class BrowserClient {
    public static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";

    private final TestServer server;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private volatile String cookie;

    public BrowserClient(TestServer server) {
        this.server = server;
        headers.put(ApiPaths.CLIENT_HEADER, ApiPaths.WEB_CLIENT);
        headers.put("Origin", "http://127.0.0.1:" + server.server().port());
        headers.put("User-Agent", CHROME);
    }

    /** Sets (or with null removes) a header every request sends, e.g. another Origin or none. */
    public BrowserClient header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    /** The refresh cookie's value in the jar, if any. */
    public Optional<String> cookie() {
        return Optional.ofNullable(cookie);
    }

    /** Puts a value in the jar, as another tab (or a thief) of this browser would hold it. */
    public void cookie(String value) {
        cookie = value;
    }

    public HttpResponse<String> post(String path, String bearer, Object body) {
        HttpRequest.Builder request = server.request(path).POST(body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        if (cookie != null && path.startsWith(ApiPaths.AUTH + "/")) {
            request.header("Cookie", ApiPaths.REFRESH_COOKIE + "=" + cookie);
        }
        HttpResponse<String> response = server.send(request.build());
        refreshCookie(response).ifPresent(set -> cookie = set.isDeletion() ? null : set.value());
        return response;
    }

    /** The {@code Set-Cookie} of the refresh cookie in a response, parsed. */
    public static Optional<SetCookie> refreshCookie(HttpResponse<String> response) {
        List<String> all = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(ApiPaths.REFRESH_COOKIE + "=")).toList();
        if (all.size() > 1) {
            throw new AssertionError("more than one refresh cookie set: " + all);
        }
        return all.stream().findFirst().map(SetCookie::parse);
    }

    private String json(Object body) {
        try {
            return body instanceof String text ? text : server.json().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One {@code Set-Cookie} header: the value and its attributes (names in lower case; flags map to ""). */
    public record SetCookie(String header, String value, Map<String, String> attributes) {
        static SetCookie parse(String header) {
            String[] parts = header.split(";");
            String value = parts[0].substring(parts[0].indexOf('=') + 1).trim();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i].trim();
                int eq = part.indexOf('=');
                attributes.put((eq < 0 ? part : part.substring(0, eq)).toLowerCase(Locale.ROOT),
                        eq < 0 ? "" : part.substring(eq + 1).trim());
            }
            return new SetCookie(header, value, attributes);
        }

        public String maxAge() {
            return attributes.getOrDefault("max-age", "");
        }

        /** Whether this tells the browser to delete the cookie: Max-Age 0 or less, or an expiry in the past. */
        public boolean isDeletion() {
            if (!maxAge().isEmpty()) {
                return Long.parseLong(maxAge()) <= 0;
            }
            return attributes.containsKey("expires") && ZonedDateTime.parse(attributes.get("expires"),
                    DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().isBefore(Instant.now());
        }

        public boolean has(String flag) {
            return attributes.containsKey(flag.toLowerCase(Locale.ROOT));
        }
    }
}
