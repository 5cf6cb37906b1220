package org.chatalot.e2e.doctor;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.chatalot.server.http.ClientInfo;

/**
 * Until the server has {@code GET /api/admin/diagnostics/request}, the e2e tests mount this on the real
 * server. It answers with the agreed shape from the server's own {@link ClientInfo}, i.e. the real
 * TRUSTED_PROXIES and forwarded-header resolution, so the doctor's verdict is about the real behaviour.
 * Delete it once the lead's endpoint is merged (the token check mirrors the real one's 401).
 */
final class DiagnosticsStandIn implements HttpService {
    private final String publicUrl;
    private final ObjectMapper json = new ObjectMapper();

    DiagnosticsStandIn(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/request", this::echo);
    }

    private void echo(ServerRequest request, ServerResponse response) throws JsonProcessingException {
        if (!request.headers().first(HeaderNames.AUTHORIZATION).orElse("").startsWith("Bearer ")) {
            response.status(401).send("{\"error\":{\"code\":\"unauthorized\",\"message\":\"admin token needed\"}}");
            return;
        }
        ClientInfo info = ClientInfo.of(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("peer_address", info.peerIp());
        body.put("trusted_proxy", info.trustedPeer());
        body.put("client_ip", info.clientIp());
        body.put("scheme", info.scheme());
        body.put("host", info.host());
        body.put("forwarded_headers", info.forwardedHeaders());
        body.put("public_url", publicUrl);
        response.header("Content-Type", "application/json").send(json.writeValueAsString(body));
    }
}
