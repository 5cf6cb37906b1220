package org.chatalot.server.realtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpPrologue;
import io.helidon.http.RequestException;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.spi.Http1RoutedUpgrade;
import io.helidon.webserver.http1.spi.Http1RoutedUpgrader;
import io.helidon.webserver.http1.spi.Http1Upgrader;
import io.helidon.webserver.spi.ServerConnection;

import org.chatalot.server.http.ClientInfo;
import org.chatalot.server.http.ProxyResolver;

/**
 * Decides whether a WebSocket upgrade's {@code Origin} is this server, in a way that works behind a
 * proxy. Helidon's own check compares the origin with the {@code Host} header, which a proxy may have
 * rewritten (nginx's {@code $host} drops a non-default port), so a real browser gets 403. Here an origin is
 * accepted when it equals {@code PUBLIC_URL}, or the scheme and host the client used as reported by a
 * trusted proxy (or seen directly). Anything else is refused with 403 before the upgrade. Requests without
 * an {@code Origin} (non-browser clients) pass: the token in the first frame is what protects them.
 *
 * <p>After deciding, the check removes {@code Origin} so Helidon does not decide again, and passes the
 * resolved client address to the socket in a header a client cannot set.
 */
final class OriginCheck implements Http1RoutedUpgrader {
    static final HeaderName CLIENT_IP = HeaderNames.create("X-Chatalot-Client-Ip");

    private final Http1RoutedUpgrader delegate;
    private final ProxyResolver resolver;
    private final Optional<String> publicOrigin;

    OriginCheck(Http1Upgrader delegate, ProxyResolver resolver, Optional<String> publicOrigin) {
        this.delegate = (Http1RoutedUpgrader) delegate;
        this.resolver = resolver;
        this.publicOrigin = publicOrigin.map(OriginCheck::normalize);
    }

    @Override
    public String supportedProtocol() {
        return delegate.supportedProtocol();
    }

    @Override
    public Optional<Http1RoutedUpgrade> routedUpgrade(ConnectionContext ctx, HttpPrologue prologue,
                                                      WritableHeaders<?> headers) {
        check(ctx, headers);
        return delegate.routedUpgrade(ctx, prologue, headers);
    }

    @Override
    public ServerConnection upgrade(ConnectionContext ctx, HttpPrologue prologue, WritableHeaders<?> headers) {
        check(ctx, headers);
        return delegate.upgrade(ctx, prologue, headers);
    }

    private void check(ConnectionContext ctx, WritableHeaders<?> headers) {
        headers.remove(CLIENT_IP);
        String authority = headers.first(HeaderNames.HOST).orElse("");
        ClientInfo client = resolver.resolve(ctx.remotePeer().address(), name -> values(headers, name), false,
                authority);
        headers.set(CLIENT_IP, client.clientIp());
        Optional<String> origin = headers.first(HeaderNames.ORIGIN);
        if (origin.isEmpty()) {
            return;
        }
        String offered = normalize(origin.get());
        boolean allowed = offered.equals(normalize(client.origin()))
                || publicOrigin.filter(offered::equals).isPresent();
        if (!allowed) {
            throw RequestException.builder()
                    .type(DirectHandler.EventType.FORBIDDEN)
                    .message("WebSocket origin " + origin.get() + " is not this server")
                    .build();
        }
        headers.remove(HeaderNames.ORIGIN);
    }

    private static Optional<String> values(WritableHeaders<?> headers, String name) {
        HeaderName header = HeaderNames.create(name);
        return headers.contains(header) ? Optional.of(String.join(", ", headers.get(header).allValues()))
                : Optional.empty();
    }

    /** {@code scheme://host[:port]} in lower case, default ports dropped; garbage maps to itself. */
    static String normalize(String origin) {
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
