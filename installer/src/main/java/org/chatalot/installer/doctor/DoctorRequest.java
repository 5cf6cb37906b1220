package org.chatalot.installer.doctor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.chatalot.installer.tls.TrustMode;

/**
 * What to check and with what.
 *
 * @param url           public URL, {@code https://host[:port]} (the server's PUBLIC_URL)
 * @param trust         how to judge the certificate
 * @param httpPort      the plain-HTTP port that should redirect (80); 0 when the front has no plain-HTTP port
 * @param maxFileSizeMb the server's MAX_FILE_SIZE_MB: the body size the proxy must accept
 * @param accessToken   a user's access token for the WebSocket; an admin's also unlocks request diagnostics
 * @param login         credentials to obtain a token with, when no token is given (signed out again at the end)
 * @param idle          how long the idle WebSocket is held (75 s by default: past nginx's 60 s default)
 * @param timeout       per network step
 * @param layout        where things are on the box, when the admin knows: fixes then name them
 */
public record DoctorRequest(URI url, TrustMode trust, int httpPort, int maxFileSizeMb, Optional<String> accessToken,
                            Optional<Login> login, Duration idle, Duration timeout, Layout layout) {

    /** Username, password and (when 2FA is on) the current TOTP code. */
    public record Login(String username, String password, Optional<String> totpCode) {
        @Override
        public String toString() {
            return "Login[" + username + ", password ****]";
        }
    }

    /**
     * The installation as the admin (or {@code chatalot-install}) knows it; each part is optional.
     *
     * @param upstream    {@code host:port} the proxy forwards to (the server's LISTEN_ADDR)
     * @param siteFile    the proxy's config file for this site
     * @param certificate the certificate file the proxy serves
     */
    public record Layout(Optional<String> upstream, Optional<Path> siteFile, Optional<Path> certificate) {
        public static final Layout UNKNOWN = new Layout(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public DoctorRequest {
        if (!"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("url: expected https://host[:port], got " + url);
        }
        if (url.getPath() != null && !url.getPath().isEmpty() && !url.getPath().equals("/")) {
            throw new IllegalArgumentException("url: Chatalot is served at the root of its host, got path "
                    + url.getPath());
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("http-port: expected 1 to 65535, or 0 for none, got " + httpPort);
        }
        if (maxFileSizeMb < 1) {
            throw new IllegalArgumentException("max-file-size-mb: expected at least 1, got " + maxFileSizeMb);
        }
    }

    public static DoctorRequest defaults(URI url) {
        return new DoctorRequest(url, TrustMode.system(), 80, 100, Optional.empty(), Optional.empty(),
                Duration.ofSeconds(75), Duration.ofSeconds(10), Layout.UNKNOWN);
    }

    public String host() {
        return url.getHost();
    }

    public int httpsPort() {
        return url.getPort() == -1 ? 443 : url.getPort();
    }

    /** Whether the front has a plain-HTTP port to check (it should, for the redirect and ACME). */
    public boolean hasHttpPort() {
        return httpPort != 0;
    }

    /** The origin as a browser writes it: port only when not 443. */
    public String origin() {
        return "https://" + host() + (httpsPort() == 443 ? "" : ":" + httpsPort());
    }

    public DoctorRequest withTrust(TrustMode value) {
        return new DoctorRequest(url, value, httpPort, maxFileSizeMb, accessToken, login, idle, timeout, layout);
    }

    public DoctorRequest withHttpPort(int value) {
        return new DoctorRequest(url, trust, value, maxFileSizeMb, accessToken, login, idle, timeout, layout);
    }

    public DoctorRequest withMaxFileSizeMb(int value) {
        return new DoctorRequest(url, trust, httpPort, value, accessToken, login, idle, timeout, layout);
    }

    public DoctorRequest withAccessToken(String value) {
        return new DoctorRequest(url, trust, httpPort, maxFileSizeMb, Optional.of(value), login, idle, timeout,
                layout);
    }

    public DoctorRequest withLogin(Login value) {
        return new DoctorRequest(url, trust, httpPort, maxFileSizeMb, accessToken, Optional.of(value), idle, timeout,
                layout);
    }

    public DoctorRequest withIdle(Duration value) {
        return new DoctorRequest(url, trust, httpPort, maxFileSizeMb, accessToken, login, value, timeout, layout);
    }

    public DoctorRequest withTimeout(Duration value) {
        return new DoctorRequest(url, trust, httpPort, maxFileSizeMb, accessToken, login, idle, value, layout);
    }

    public DoctorRequest withLayout(Layout value) {
        return new DoctorRequest(url, trust, httpPort, maxFileSizeMb, accessToken, login, idle, timeout, value);
    }
}
