package org.chatalot.server.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an {@code Origin} header names this server, in a way that works behind a proxy: it must equal
 * {@code PUBLIC_URL}, or the scheme and host the client used as reported by a trusted proxy (or seen
 * directly). Comparing with the {@code Host} header alone would refuse real browsers behind a proxy that
 * rewrites it (nginx's {@code $host} drops a non-default port). Used for the WebSocket upgrade and for the
 * browser's refresh cookie.
 */
public final class SameOrigin {
    private final Optional<String> publicOrigin;

    public SameOrigin(Optional<String> publicOrigin) {
        this.publicOrigin = publicOrigin.map(SameOrigin::normalize);
    }

    /** True when {@code origin} (an Origin header's value) is this server as {@code client} reached it. */
    public boolean allows(String origin, ClientInfo client) {
        String offered = normalize(origin);
        return offered.equals(normalize(client.origin())) || publicOrigin.filter(offered::equals).isPresent();
    }

    /** {@code scheme://host[:port]} in lower case, default ports dropped; garbage maps to itself. */
    public static String normalize(String origin) {
        try {
            URI uri = new URI(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return origin;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("https") && port == 443
                    || scheme.equals("http") && port == 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return origin;
        }
    }
}
