package org.chatalot.model.admin;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /api/admin/diagnostics/request}: what the server saw of this very request, so the admin app and
 * the deployment doctor can tell whether the proxy forwards the right headers. {@code listenAddress} is the
 * server's own side of the connection the proxy opened (its LISTEN_ADDR as reached), which is what the proxy's
 * {@code proxy_pass} must name: the doctor's fixes quote it.
 */
public record RequestDiagnostics(@JsonProperty("peer_address") String peerAddress,
                                 @JsonProperty("trusted_proxy") boolean trustedProxy,
                                 @JsonProperty("client_ip") String clientIp,
                                 String scheme,
                                 String host,
                                 @JsonProperty("forwarded_headers") Map<String, String> forwardedHeaders,
                                 @JsonProperty("public_url") String publicUrl,
                                 @JsonProperty("listen_address") String listenAddress) {

    /** Without the listen address (a server that does not report it). */
    public RequestDiagnostics(String peerAddress, boolean trustedProxy, String clientIp, String scheme, String host,
                              Map<String, String> forwardedHeaders, String publicUrl) {
        this(peerAddress, trustedProxy, clientIp, scheme, host, forwardedHeaders, publicUrl, null);
    }
}
