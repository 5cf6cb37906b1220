package org.chatalot.server.call;

/**
 * What a participant says about their own media: microphone muted, camera on. The server only passes it on
 * (the media never reaches it); it is what the other participants and the channel's sidebar show.
 */
public record MediaState(boolean muted, boolean camera) {
    /** From a client frame, where either may be left out (unmuted, camera off). */
    public static MediaState of(Boolean muted, Boolean camera) {
        return new MediaState(Boolean.TRUE.equals(muted), Boolean.TRUE.equals(camera));
    }
}
