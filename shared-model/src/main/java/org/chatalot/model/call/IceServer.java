package org.chatalot.model.call;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of an RTCPeerConnection {@code iceServers} list, exactly as browsers expect it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IceServer(List<String> urls, String username, String credential) {
}
