package org.chatalot.server.realtime;

import java.util.Optional;

import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.spi.Http1Upgrader;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.webserver.websocket.WsUpgrader;

import org.chatalot.model.ApiPaths;
import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.http.ProxyResolver;
import org.chatalot.server.http.TokenBucket;

/** Puts the WebSocket on the public listener: the upgrade with our Origin check, and the route to the hub. */
public final class RealtimeEndpoint {
    private final Hub hub;
    private final ServerConfig.Limits limits;

    public RealtimeEndpoint(Hub hub, ServerConfig.Limits limits) {
        this.hub = hub;
        this.limits = limits;
    }

    /**
     * Registers the WebSocket protocol and the {@code /ws} route on the public listener, and returns the
     * upgrader (with our Origin check, and the UTF-8 check of text frames) for the listener's HTTP/1
     * connection selector.
     */
    public Http1Upgrader configure(WebServerConfig.Builder server, ProxyResolver resolver,
                                   Optional<String> publicOrigin) {
        WsConfig ws = WsConfig.builder().name("websocket").build();
        server.addProtocol(ws);
        server.addRouting(WsRouting.builder().endpoint(ApiPaths.WEBSOCKET,
                () -> hub.newConnection(new TokenBucket(limits.websocket(), System.nanoTime()))));
        // The origin check sees the upgraded connection, and gives it the client's address.
        return UpgradedConnection.upgrader(new OriginCheck(WsUpgrader.create(ws), resolver, publicOrigin));
    }
}
