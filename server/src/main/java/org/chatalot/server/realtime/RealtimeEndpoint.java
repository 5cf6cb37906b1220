package org.chatalot.server.realtime;

import java.util.Optional;

import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.spi.Http1Upgrader;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.webserver.websocket.WsUpgrader;

import org.chatalot.model.ApiPaths;
import org.chatalot.server.call.CallService;
import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.http.ProxyResolver;
import org.chatalot.server.http.TokenBucket;
import org.chatalot.server.message.MessageService;
import org.chatalot.server.message.ReadCursors;

/** Puts the WebSocket on the public listener: the upgrade with our Origin check, the route, the hub's clock. */
public final class RealtimeEndpoint implements AutoCloseable {
    private final Hub hub;
    private final Heartbeat heartbeat;
    private final ServerConfig.Limits limits;

    public RealtimeEndpoint(Hub hub, MessageService messages, ReadCursors cursors, CallService calls,
                            ServerConfig config) {
        this.hub = hub;
        this.limits = config.limits();
        Typing typing = new Typing(hub);
        this.heartbeat = new Heartbeat(hub, typing, calls, config.network().wsPingInterval());
        hub.start(new Dispatcher(hub, messages, cursors, typing, calls), heartbeat, calls);
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
        return new OriginCheck(Utf8FrameCheck.upgrader(WsUpgrader.create(ws)), resolver, publicOrigin);
    }

    public Hub hub() {
        return hub;
    }

    @Override
    public void close() {
        heartbeat.close();
    }
}
