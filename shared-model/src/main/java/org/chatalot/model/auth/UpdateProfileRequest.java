package org.chatalot.model.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code PUT /api/account/profile}: fields left out stay as they are; an empty email or status text removes
 * it.
 */
public record UpdateProfileRequest(@JsonProperty("display_name") String displayName, String email,
                                   @JsonProperty("status_text") String statusText) {

    public UpdateProfileRequest(String displayName, String email) {
        this(displayName, email, null);
    }
}
