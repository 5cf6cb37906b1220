package org.chatalot.server.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which family of forwarded headers the server reads from a trusted proxy. Exactly one: a proxy overwrites or
 * appends to the family it writes and passes the other through untouched, so believing both would let a
 * client write the other family itself (nginx, for one, forwards a client's {@code Forwarded} header as is).
 */
public enum ForwardedHeaders {
    /** {@code X-Forwarded-For}, {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}, and {@code X-Real-IP}. */
    X_FORWARDED("x-forwarded"),
    /** RFC 7239 {@code Forwarded: for=…;proto=…;host=…}. */
    FORWARDED("forwarded");

    private final String settingValue;

    ForwardedHeaders(String settingValue) {
        this.settingValue = settingValue;
    }

    public String settingValue() {
        return settingValue;
    }

    public static Optional<ForwardedHeaders> fromSetting(String value) {
        return Arrays.stream(values()).filter(f -> f.settingValue.equalsIgnoreCase(value.strip())).findFirst();
    }
}
