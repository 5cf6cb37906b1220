package org.chatalot.installer.doctor;

/**
 * The remedies findings point to, written for the front that was found: its proxy's syntax (nginx or Caddy),
 * its real ports, the address it forwards to and the files the admin named. nginx lines are given in full
 * when the proxy is not recognised, because nginx is what most admins run; {@code chatalot-install nginx}
 * and {@code chatalot-install caddy} write all of them at once.
 */
final class Fixes {
    private static final String HSTS_VALUE = "\"max-age=31536000; includeSubDomains\"";
    private static final String CIPHERS = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
            + "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:"
            + "ECDHE-RSA-CHACHA20-POLY1305";
    private final Front front;

    Fixes(Front front) {
        this.front = front;
    }

    /** Regenerates the whole site with the ports and upstream found, as a complete command. */
    String rerender() {
        String command = front.isCaddy() ? "caddy" : "nginx";
        StringBuilder line = new StringBuilder("Or regenerate the whole site: chatalot-install " + command
                + " --domain " + front.host());
        if (front.httpsPort() != 443) {
            line.append(" --https-port ").append(front.httpsPort());
        }
        if (front.httpPort() != 80 && front.httpPort() != 0) {
            line.append(" --http-port ").append(front.httpPort());
        }
        front.upstream().ifPresent(upstream -> line.append(" --upstream ").append(upstream));
        return line.append('\n').toString();
    }

    String redirect() {
        if (front.isCaddy()) {
            return "Caddy redirects plain HTTP by itself on its http_port. Make that the port users reach, in the\n"
                    + "global options at the top" + in() + ":\n"
                    + "    {\n        http_port " + front.httpPort() + "\n    }\n"
                    + "and remove any auto_https disable_redirects or http:// site block that serves the app.\n"
                    + rerender();
        }
        return "In the server block listening on " + front.httpPort() + " (plain HTTP)" + in() + ":\n"
                + "    location / {\n"
                + "        return 301 https://$host" + front.portSuffix() + "$request_uri;\n"
                + "    }\n" + rerender();
    }

    String hsts() {
        if (front.isCaddy()) {
            return "In the site block " + front.host() + front.portSuffix() + in() + ":\n"
                    + "    header Strict-Transport-Security " + HSTS_VALUE + "\n";
        }
        return "In the server block listening on " + front.httpsPort() + " ssl" + in() + ":\n"
                + "    add_header Strict-Transport-Security " + HSTS_VALUE + " always;\n";
    }

    String http2() {
        if (front.isCaddy()) {
            return "Caddy offers HTTP/2 unless a global servers { protocols ... } option" + in()
                    + " leaves h2 out: add h2 there.\n";
        }
        return "Enable HTTP/2 on the TLS listener" + in() + ":\n"
                + "    listen " + front.httpsPort() + " ssl http2;\n";
    }

    String protocols() {
        if (front.isCaddy()) {
            return "Offer only TLS 1.2 and 1.3, in the site block" + in() + ":\n"
                    + "    tls {\n        protocols tls1.2 tls1.3\n    }\n";
        }
        return "Offer only TLS 1.2 and 1.3 (Mozilla \"intermediate\")" + in() + ":\n"
                + "    ssl_protocols TLSv1.2 TLSv1.3;\n"
                + "    ssl_ciphers " + CIPHERS + ";\n";
    }

    String handshake() {
        if (front.isCaddy()) {
            return "Make Caddy serve the site on this port with TLS: the site address " + front.host()
                    + front.portSuffix() + in() + ", with tls internal or a certificate it can get.\n";
        }
        return "Make the proxy listen with TLS on this port" + in() + ":\n"
                + "    listen " + front.httpsPort() + " ssl http2;\n"
                + "and point ssl_certificate / ssl_certificate_key at readable files.\n";
    }

    String fullChain() {
        String file = front.certificate().map(path -> path + " (what the proxy serves now)")
                .orElse("the certificate file");
        String where = front.isCaddy() ? "    tls FULLCHAIN.pem KEY.pem\n"
                : "    ssl_certificate /path/to/fullchain.pem;\n";
        return "Serve the full chain (your certificate followed by the intermediates) instead of " + file
                + in() + ":\n" + where
                + "acme.sh: --fullchain-file, certbot: live/" + front.host() + "/fullchain.pem, "
                + "chatalot-install cert local-ca: fullchain.pem.\n";
    }

    String untrusted() {
        return "Use a certificate from a CA the clients trust, or give the doctor and the admin app the private CA "
                + "with --ca-file (or pin the certificate with --pin SHA256).\n";
    }

    String hostname() {
        return "Issue the certificate for " + front.host() + " (acme.sh/certbot -d " + front.host()
                + ", or chatalot-install cert local-ca --domain " + front.host() + ")"
                + (front.isCaddy() ? " and use that name as the site address" + in() + ".\n"
                : " and point ssl_certificate at it in the server block whose server_name is " + front.host()
                + in() + ".\n");
    }

    String expiry() {
        if (front.isCaddy()) {
            return "Caddy renews its certificates itself: check that it runs (systemctl status caddy) and why it "
                    + "could not renew (journalctl -u caddy).\n";
        }
        return "Renew the certificate (acme.sh --renew -d " + front.host() + " --force, certbot renew, or "
                + "chatalot-install cert local-ca) and reload the proxy; check that the renewal job runs.\n";
    }

    String webSocketHeaders() {
        if (front.isCaddy()) {
            return "Caddy's reverse_proxy passes WebSocket upgrades by itself" + in() + ": look for a header_up that "
                    + "overrides Connection or Upgrade, or a matcher that sends /ws elsewhere than "
                    + front.upstreamOrPlaceholder() + ".\n";
        }
        return "The /ws location must pass the upgrade on" + in() + ":\n"
                + "    location /ws {\n"
                + "        proxy_pass http://" + front.upstreamOrPlaceholder() + ";\n"
                + "        proxy_http_version 1.1;\n"
                + "        proxy_set_header Upgrade $http_upgrade;\n"
                + "        proxy_set_header Connection \"upgrade\";\n"
                + "        proxy_set_header Host $http_host;\n"
                + "    }\n";
    }

    String webSocketTimeout() {
        String pings = "and leave the server's pings on (WS_PING_INTERVAL_SECONDS=25, the default; 0 turns them off)";
        if (front.isCaddy()) {
            return "Caddy keeps idle WebSockets open unless told otherwise: remove stream_timeout from\n"
                    + "reverse_proxy and any idle timeout in the global servers options" + in() + ", " + pings + ".\n";
        }
        return "Keep idle sockets open in the /ws location" + in() + ", " + pings + ":\n"
                + "    proxy_read_timeout 1d;\n"
                + "    proxy_send_timeout 1d;\n";
    }

    String forwarded() {
        if (front.isCaddy()) {
            return "Caddy sets X-Forwarded-For, -Proto and -Host by itself: look for header_up lines that remove "
                    + "them in reverse_proxy" + in() + ".\n";
        }
        return "In both locations (/ and /ws)" + in() + ":\n" + forwardedLines();
    }

    /** The proxy passed on a forwarded header a client made up, and the server believed it. */
    String forged() {
        if (front.isCaddy()) {
            return "Caddy replaces X-Forwarded-* but passes a client's own Forwarded and X-Real-IP on: add, inside "
                    + "reverse_proxy" + in() + ":\n    header_up -Forwarded\n    header_up -X-Real-IP\n" + rerender();
        }
        return "The proxy passes a client's own forwarded headers on. Make it overwrite or append to the family the\n"
                + "server reads (FORWARDED_HEADERS, default x-forwarded) and drop the other, in both locations"
                + in() + ":\n" + forwardedLines() + rerender();
    }

    private static String forwardedLines() {
        return "    proxy_set_header X-Real-IP $remote_addr;\n"
                + "    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                + "    proxy_set_header X-Forwarded-Proto $scheme;\n"
                + "    proxy_set_header X-Forwarded-Host $http_host;\n"
                + "    proxy_set_header Forwarded \"\";\n";
    }

    String bodyLimit(int megabytes) {
        if (front.isCaddy()) {
            return "In the site block" + in() + ", at least MAX_FILE_SIZE_MB plus 10 MiB of multipart overhead:\n"
                    + "    request_body {\n        max_size " + megabytes + "MB\n    }\n";
        }
        return "In the server block listening on " + front.httpsPort() + " ssl" + in()
                + ", at least MAX_FILE_SIZE_MB plus 10 MiB of multipart overhead:\n"
                + "    client_max_body_size " + megabytes + "M;\n";
    }

    /** The proxy answers, the server behind it does not. */
    String serverDown() {
        String directive = front.isCaddy() ? "reverse_proxy" : "proxy_pass";
        String target = front.upstream().map(upstream -> front.proxy().label + " forwards to " + upstream
                + ": start the server there (systemctl start chatalot; journalctl -u chatalot says why it stopped), "
                + "or make the server's LISTEN_ADDR and " + directive + " name the same address")
                .orElse("start the server (systemctl start chatalot; journalctl -u chatalot says why it stopped), "
                        + "and make sure " + directive + in() + " names the server's LISTEN_ADDR");
        return target + ".\n";
    }

    String notChatalot() {
        return "This is not Chatalot's answer: make location / (Caddy: reverse_proxy) pass every path to "
                + front.upstreamOrPlaceholder() + in() + ".\n";
    }

    String port(int port) {
        return "Check that the proxy listens on " + port + " (ss -ltnp 'sport = :" + port + "') and that the "
                + "firewall and any router forward it (ufw allow " + port + "/tcp).\n";
    }

    private String in() {
        return front.siteFile().map(file -> " in " + file).orElse("");
    }
}
