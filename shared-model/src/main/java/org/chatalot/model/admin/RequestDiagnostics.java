package org.chatalot.model.admin;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /api/admin/diagnostics/request}: what the server saw of this very request, so the admin app and
 * the deployment doctor can tell whether the proxy forwards the right headers.
 */
public record RequestDiagnostics(@JsonProperty("peer_address") String peerAddress,
                                 @JsonProperty("trusted_proxy") boolean trustedProxy,
                                 @JsonProperty("client_ip") String clientIp,
                                 String scheme,
                                 String host,
                                 @JsonProperty("forwarded_headers") Map<String, String> forwardedHeaders,
                                 @JsonProperty("public_url") String publicUrl) {
}
