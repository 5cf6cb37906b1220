package org.chatalot.installer.tls;

import java.net.IDN;
import java.util.List;
import java.util.Locale;

/**
 * RFC 6125 matching of a host against a certificate's subject alternative names: exact DNS names, a
 * wildcard only as the whole left-most label ({@code *.example.com} covers {@code chat.example.com} but not
 * {@code example.com} or {@code a.b.example.com}), and IP names for literal addresses. The CN is ignored, as
 * browsers ignore it.
 */
public final class HostnameMatcher {

    private HostnameMatcher() {
    }

    public static boolean matches(String host, List<String> subjectAlternativeNames) {
        boolean isIp = host.matches("[0-9.]+") || host.contains(":");
        String wanted = isIp ? host : normalize(host);
        for (String san : subjectAlternativeNames) {
            if (isIp && san.startsWith("IP:") && san.substring(3).equalsIgnoreCase(wanted)) {
                return true;
            }
            if (!isIp && san.startsWith("DNS:") && dnsMatches(wanted, normalize(san.substring(4)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean dnsMatches(String host, String pattern) {
        if (!pattern.startsWith("*.")) {
            return host.equals(pattern);
        }
        int dot = host.indexOf('.');
        return dot > 0 && host.substring(dot + 1).equals(pattern.substring(2)) && pattern.indexOf('.', 2) > 0;
    }

    private static String normalize(String name) {
        String ascii = IDN.toASCII(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
        return ascii.toLowerCase(Locale.ROOT);
    }
}
