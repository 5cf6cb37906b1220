package org.chatalot.server.common;

/** Where a request came from, for sessions and the audit log. */
public record Origin(String ip, String userAgent) {

    public static final Origin LOCAL = new Origin("local", "chatalot-admin-cli");

    /** A short device label from the User-Agent, e.g. "Firefox on Linux". */
    public String device() {
        String ua = userAgent == null ? "" : userAgent;
        String browser = ua.contains("Edg/") ? "Edge" : ua.contains("Firefox/") ? "Firefox"
                : ua.contains("Chrome/") || ua.contains("Chromium/") ? "Chrome" : ua.contains("Safari/") ? "Safari"
                : ua.startsWith("Java-http-client") ? "Java client" : ua.startsWith("curl/") ? "curl"
                : ua.contains("chatalot-admin") ? "Chatalot admin" : ua.isBlank() ? "Unknown client" : null;
        if (browser == null) {
            browser = ua.length() > 40 ? ua.substring(0, 40) : ua;
        }
        String os = ua.contains("Android") ? "Android" : ua.contains("iPhone") || ua.contains("iPad") ? "iOS"
                : ua.contains("Windows") ? "Windows" : ua.contains("Mac OS") ? "macOS"
                : ua.contains("Linux") ? "Linux" : null;
        return os == null ? browser : browser + " on " + os;
    }
}
