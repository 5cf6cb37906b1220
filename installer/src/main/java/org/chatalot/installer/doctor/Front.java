package org.chatalot.installer.doctor;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the doctor knows of the front it is checking, so that its fixes name this setup rather than a textbook
 * one: which proxy answers (from its {@code Server} header), the ports users reach, the address the proxy
 * forwards to (given with {@code --upstream}, or reported by the server as its side of the proxy's
 * connection) and the files the admin named.
 *
 * @param proxy       nginx, Caddy, or unknown (nginx syntax is shown then: it is what most admins run)
 * @param host        the public host name
 * @param httpsPort   the TLS port users reach
 * @param httpPort    the plain-HTTP port that should redirect; 0 when the front has none
 * @param upstream    {@code host:port} the proxy forwards to, when known
 * @param siteFile    the proxy's config file for this site, when known
 * @param certificate the certificate file the proxy serves, when known
 */
record Front(Proxy proxy, String host, int httpsPort, int httpPort, Optional<String> upstream,
             Optional<Path> siteFile, Optional<Path> certificate) {

    /** The reverse proxies whose configuration the doctor can write fixes in. */
    enum Proxy {
        NGINX("nginx"), CADDY("Caddy"), UNKNOWN("the proxy");

        final String label;

        Proxy(String label) {
            this.label = label;
        }

        /** nginx says {@code nginx/1.22.1} (or {@code nginx} with server_tokens off), Caddy {@code Caddy}. */
        static Proxy fromServerHeader(Optional<String> header) {
            String value = header.orElse("").toLowerCase(Locale.ROOT);
            if (value.startsWith("nginx")) {
                return NGINX;
            }
            return value.startsWith("caddy") ? CADDY : UNKNOWN;
        }
    }

    static Front of(DoctorRequest request) {
        return new Front(Proxy.UNKNOWN, request.host(), request.httpsPort(), request.httpPort(),
                request.layout().upstream(), request.layout().siteFile(), request.layout().certificate());
    }

    /** Learns the proxy from a response's {@code Server} header; the first one recognised wins. */
    Front withServerHeader(Optional<String> header) {
        Proxy seen = Proxy.fromServerHeader(header);
        return proxy != Proxy.UNKNOWN || seen == Proxy.UNKNOWN ? this
                : new Front(seen, host, httpsPort, httpPort, upstream, siteFile, certificate);
    }

    /** The address the server reported for the proxy's connection, unless the admin named one. */
    Front withReportedUpstream(Optional<String> reported) {
        return upstream.isPresent() || reported.isEmpty() ? this
                : new Front(proxy, host, httpsPort, httpPort, reported, siteFile, certificate);
    }

    boolean isCaddy() {
        return proxy == Proxy.CADDY;
    }

    /** The origin users type: the port only when it is not 443. */
    String origin() {
        return "https://" + host + portSuffix();
    }

    String portSuffix() {
        return httpsPort == 443 ? "" : ":" + httpsPort;
    }

    /** {@code 127.0.0.1:8080} when known, otherwise a placeholder that says what belongs there. */
    String upstreamOrPlaceholder() {
        return upstream.orElse("SERVER_LISTEN_ADDR");
    }
}
