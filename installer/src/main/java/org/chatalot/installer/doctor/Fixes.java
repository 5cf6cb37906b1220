package org.chatalot.installer.doctor;

/**
 * The remedies findings point to. nginx lines are given in full because nginx is what most admins run;
 * {@code chatalot-install nginx} writes all of them at once.
 */
final class Fixes {
    static final String RERENDER = "Or regenerate the whole site: chatalot-install nginx --domain HOST";
    static final String REDIRECT = """
            In the port-80 server block:
                location / {
                    return 301 https://$host$request_uri;
                }
            """ + RERENDER;
    static final String HSTS = """
            In the 443 server block:
                add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
            """;
    static final String HTTP2 = """
            Enable HTTP/2 on the TLS listener:
                listen 443 ssl http2;
            """;
    static final String PROTOCOLS = """
            Offer only TLS 1.2 and 1.3 (Mozilla "intermediate"):
                ssl_protocols TLSv1.2 TLSv1.3;
                ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:\
            ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;
            """;
    static final String FULLCHAIN = """
            Serve the full chain (your certificate followed by the intermediates), not the bare certificate:
                ssl_certificate /etc/ssl/chatalot/fullchain.pem;
            acme.sh: --fullchain-file, certbot: live/DOMAIN/fullchain.pem, local CA: fullchain.pem.
            """;
    static final String WS_HEADERS = """
            The /ws location must pass the upgrade on:
                location /ws {
                    proxy_pass http://127.0.0.1:8080;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection "upgrade";
                    proxy_set_header Host $http_host;
                }
            """;
    static final String WS_TIMEOUT = """
            Keep idle sockets open in the /ws location, and leave the server's pings on
            (WS_PING_INTERVAL_SECONDS=25, the default; 0 turns them off):
                proxy_read_timeout 1d;
                proxy_send_timeout 1d;
            """;
    static final String FORWARDED = """
            In both locations (/ and /ws):
                proxy_set_header X-Real-IP $remote_addr;
                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                proxy_set_header X-Forwarded-Proto $scheme;
                proxy_set_header X-Forwarded-Host $http_host;
                proxy_set_header Forwarded "";
            """;
    static final String FORGED = """
            The proxy passes a client's own forwarded headers on. Make it overwrite or append to the family the
            server reads (FORWARDED_HEADERS, default x-forwarded) and drop the other, in both locations:
                proxy_set_header X-Real-IP $remote_addr;
                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                proxy_set_header X-Forwarded-Proto $scheme;
                proxy_set_header X-Forwarded-Host $http_host;
                proxy_set_header Forwarded "";
            Caddy: header_up -Forwarded and header_up -X-Real-IP inside reverse_proxy.
            """ + RERENDER;
    static final String BODY_LIMIT = """
            In the 443 server block, at least MAX_FILE_SIZE_MB plus 10 MiB of multipart overhead:
                client_max_body_size %dM;
            """;

    private Fixes() {
    }
}
