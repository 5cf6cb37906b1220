package org.chatalot.model.call;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /api/calls/ice}: the {@code iceServers} for an RTCPeerConnection, with TURN credentials minted
 * for the caller. {@code expires_at} is when those credentials stop working (absent when none were minted):
 * fetch again before then.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IceConfig(@JsonProperty("ice_servers") List<IceServer> iceServers,
                        @JsonProperty("expires_at") Instant expiresAt) {
}
