package org.chatalot.admin.connection;

import java.net.URI;
import java.util.Objects;

/**
 * One server the admin manages: a name they chose, the public URL and how its certificate is trusted.
 * {@code username} is remembered to fill the sign-in form; passwords never are.
 */
public record ConnectionProfile(String name, URI url, TrustMode trust, String username) {

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(trust, "trust");
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("server URL must look like https://chat.example.com, got " + url);
        }
    }

    public static ConnectionProfile of(String name, String url) {
        return new ConnectionProfile(name, URI.create(stripSlash(url.strip())), TrustMode.system(), null);
    }

    public boolean isHttps() {
        return "https".equals(url.getScheme());
    }

    public ConnectionProfile withTrust(TrustMode value) {
        return new ConnectionProfile(name, url, value, username);
    }

    public ConnectionProfile withUsername(String value) {
        return new ConnectionProfile(name, url, trust, value);
    }

    /** The URL of an API path on this server. */
    public URI resolve(String pathAndQuery) {
        return URI.create(stripSlash(url.toString()) + pathAndQuery);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
