package org.chatalot.server.realtime;

import java.util.Optional;

import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.webserver.websocket.WsUpgrader;

import org.chatalot.model.ApiPaths;
import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.http.ProxyResolver;
import org.chatalot.server.message.MessageService;
import org.chatalot.server.message.ReadCursors;

/** Puts the WebSocket on the public listener: the upgrade with our Origin check, the route, the hub's clock. */
public final class RealtimeEndpoint implements AutoCloseable {
    private final Hub hub;
    private final Heartbeat heartbeat;
    private final ServerConfig.Limits limits;

    public RealtimeEndpoint(Hub hub, MessageService messages, ReadCursors cursors, ServerConfig config) {
        this.hub = hub;
        this.limits = config.limits();
        Typing typing = new Typing(hub);
        this.heartbeat = new Heartbeat(hub, typing, config.network().wsPingInterval());
        hub.start(new Dispatcher(hub, messages, cursors, typing), heartbeat);
    }

    /**
     * Adds to the public listener an HTTP/1 connection selector whose WebSocket upgrader runs our Origin
     * check first (it takes precedence over the default one Helidon adds), and the {@code /ws} route.
     */
    public void configure(WebServerConfig.Builder server, ProxyResolver resolver, Optional<String> publicOrigin) {
        WsConfig ws = WsConfig.builder().name("websocket").build();
        server.addProtocol(ws);
        server.addConnectionSelector(Http1ConnectionSelector.builder()
                .config(Http1Config.create())
                .addUpgrader(new OriginCheck(WsUpgrader.create(ws), resolver, publicOrigin))
                .build());
        server.addRouting(WsRouting.builder().endpoint(ApiPaths.WEBSOCKET,
                () -> hub.newConnection(new TokenBucket(limits.websocket(), System.nanoTime()))));
    }

    public Hub hub() {
        return hub;
    }

    @Override
    public void close() {
        heartbeat.close();
    }
}
