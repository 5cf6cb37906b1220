package org.chatalot.server.admin;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;

import org.chatalot.model.admin.InstanceSettingsView;
import org.chatalot.model.admin.RequestDiagnostics;
import org.chatalot.server.common.Actor;
import org.chatalot.server.health.HealthChecks;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.ClientInfo;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.Routes;

/**
 * The instance as a whole under {@code /api/admin}: settings, statistics, the detailed health report and
 * what the server saw of the request (to check the proxy in front of it). Admins only.
 */
public final class InstanceAdminApi implements HttpService {
    private final SettingsAdminService settings;
    private final StatsService stats;
    private final HealthChecks health;
    private final Optional<String> publicUrl;
    private final Access access;
    private final Json json;

    public InstanceAdminApi(SettingsAdminService settings, StatsService stats, HealthChecks health,
                            Optional<String> publicUrl, Access access, Json json) {
        this.settings = settings;
        this.stats = stats;
        this.health = health;
        this.publicUrl = publicUrl;
        this.access = access;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/settings", access.admin((who, req, res) -> json.send(res, settings.view())))
                .put("/settings", access.admin((who, req, res) -> json.send(res, settings.update(
                        Actor.of(who, Access.origin(req)), json.read(req, InstanceSettingsView.class)))))
                .get("/stats", access.admin((who, req, res) -> json.send(res, stats.stats())))
                // Always 200 with "status" inside: the admin app wants the figures most when it is degraded.
                .get("/health", access.admin((who, req, res) -> json.send(res, health.detailed())))
                .get("/diagnostics/request", access.admin((who, req, res) -> json.send(res, diagnostics(req))))
                .register();
    }

    private RequestDiagnostics diagnostics(ServerRequest request) {
        ClientInfo info = ClientInfo.of(request);
        return new RequestDiagnostics(info.peerIp(), info.trustedPeer(), info.clientIp(), info.scheme(), info.host(),
                info.forwardedHeaders(), publicUrl.orElse(null), listenAddress(request));
    }

    /** Our side of the proxy's connection, as {@code host:port}: what the proxy's upstream address must name. */
    private static String listenAddress(ServerRequest request) {
        SocketAddress local = request.localPeer().address();
        if (local instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String host = inet.getAddress().getHostAddress().replaceFirst("%.*$", "");
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(local);
    }
}
