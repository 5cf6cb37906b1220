package org.chatalot.model.auth;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.chatalot.model.call.IceServer;

/**
 * {@code GET /api/auth/config}: what a client needs before signing in. {@code setup_code_hint} says where the
 * operator finds the setup code while the server has no owner (never the code itself); absent otherwise.
 */
public record AuthConfig(@JsonProperty("registration_mode") RegistrationMode registrationMode,
                         @JsonProperty("server_version") String serverVersion,
                         @JsonProperty("setup_required") boolean setupRequired,
                         @JsonProperty("max_file_size_mb") int maxFileSizeMb,
                         @JsonProperty("upload_quota_mb") int uploadQuotaMb,
                         @JsonProperty("password_min_length") int passwordMinLength,
                         @JsonProperty("ice_servers") List<IceServer> iceServers,
                         @JsonProperty("setup_code_hint") @JsonInclude(JsonInclude.Include.NON_NULL)
                         String setupCodeHint) {
}
