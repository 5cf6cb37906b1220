package org.chatalot.server.realtime;

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
import org.chatalot.server.http.SameOrigin;

/**
 * Decides whether a WebSocket upgrade's {@code Origin} is this server, in a way that works behind a
 * proxy ({@link SameOrigin}). Helidon's own check compares the origin with the {@code Host} header, which a
 * proxy may have rewritten, so a real browser would get 403. Anything else is refused with 403 before the
 * upgrade. Requests without
 * an {@code Origin} (non-browser clients) pass: the token in the first frame is what protects them.
 *
 * <p>After deciding, the check removes {@code Origin} so Helidon does not decide again, and gives the
 * resolved client address to the upgraded connection ({@link UpgradedConnection}, which wraps this check).
 * Until 2026-12-07 it went to the socket in a header of the upgrade request, which Helidon keeps for as long
 * as the socket is open: adding it grew the request's header table, about 0.9 KB of every idle socket (W3).
 */
final class OriginCheck implements Http1RoutedUpgrader {

    private final Http1RoutedUpgrader delegate;
    private final ProxyResolver resolver;
    private final SameOrigin sameOrigin;

    OriginCheck(Http1Upgrader delegate, ProxyResolver resolver, Optional<String> publicOrigin) {
        this.delegate = (Http1RoutedUpgrader) delegate;
        this.resolver = resolver;
        this.sameOrigin = new SameOrigin(publicOrigin);
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
        String authority = headers.first(HeaderNames.HOST).orElse("");
        ClientInfo client = resolver.resolve(ctx.remotePeer().address(), name -> values(headers, name), false,
                authority);
        if (ctx instanceof UpgradedConnection upgraded) {
            upgraded.clientIp(client.clientIp());
        }
        Optional<String> origin = headers.first(HeaderNames.ORIGIN);
        if (origin.isEmpty()) {
            return;
        }
        if (!sameOrigin.allows(origin.get(), client)) {
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
}
