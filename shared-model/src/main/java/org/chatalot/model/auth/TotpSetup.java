package org.chatalot.model.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /api/account/totp/setup}: the secret to enter in an authenticator app (not active yet), and
 * the same as a QR code: {@code qr_svg} is a self-contained SVG document (paths only: no script, no text, no
 * external reference), safe to show as an image.
 */
public record TotpSetup(String secret, @JsonProperty("otpauth_url") String otpauthUrl,
                        @JsonProperty("qr_svg") String qrSvg) {
}
