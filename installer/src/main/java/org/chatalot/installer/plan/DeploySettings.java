package org.chatalot.installer.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the renderers need, in one validated record: the public name and ports, where the server
 * listens, the upload limit the proxy must allow, certificate paths and the service layout. Built with
 * {@link #builder(String)}; the defaults are those of a single Debian box.
 *
 * @param domain          public host name users type, e.g. {@code chat.example.com}
 * @param httpsPort       port the proxy terminates TLS on (443; others need the port in PUBLIC_URL)
 * @param httpPort        plain HTTP port that redirects and answers ACME challenges (80); 0 for none (no redirect,
 *                        so no ACME HTTP-01 either: for a private CA or Caddy's internal one)
 * @param upstream        {@code host:port} the server listens on (its LISTEN_ADDR)
 * @param maxFileSizeMb   the server's MAX_FILE_SIZE_MB
 * @param bodyOverheadMb  room for multipart framing on top of the upload limit
 * @param certificate     full chain PEM the proxy serves
 * @param privateKey      private key PEM of that certificate
 * @param acmeWebroot     folder served at {@code /.well-known/acme-challenge/} on the HTTP port
 * @param dataDir         the server's DATA_DIR
 * @param installDir      where the server's jar and launcher live
 * @param serviceUser     system user the service runs as
 * @param dockerNetwork   external Docker network Traefik shares with the container (DEPLOY_NETWORK)
 * @param java            the java binary (21+) the service starts the server with
 * @param listenAddress   the local address the proxy's site listens on; empty for every address (IPv4 and IPv6)
 */
public record DeploySettings(String domain, int httpsPort, int httpPort, String upstream, int maxFileSizeMb,
                             int bodyOverheadMb, Path certificate, Path privateKey, Path acmeWebroot,
                             Path dataDir, Path installDir, String serviceUser, String dockerNetwork,
                             Path java, Optional<String> listenAddress) {
    private static final String LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern HOST_NAME = Pattern.compile("(?i)^(?=.{1,253}$)" + LABEL + "(\\." + LABEL + ")*$");
    private static final Pattern UPSTREAM = Pattern.compile("^(\\[[0-9a-fA-F:]+]|[A-Za-z0-9.-]+):(\\d{1,5})$");
    private static final Pattern USER = Pattern.compile("^[a-z_][a-z0-9_-]{0,31}$");
    private static final Pattern NETWORK = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]*$");
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1?\\d?\\d)";
    private static final Pattern IPV4 = Pattern.compile("^(" + OCTET + "\\.){3}" + OCTET + "$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$");

    public DeploySettings {
        List<String> problems = new ArrayList<>();
        check(problems, domain != null && HOST_NAME.matcher(domain).matches(),
                "domain: expected a host name such as chat.example.com, got " + quote(domain));
        checkPort(problems, "https-port", httpsPort);
        check(problems, httpPort == 0 || httpPort >= 1 && httpPort <= 65535,
                "http-port: expected a port from 1 to 65535, or 0 for none, got " + httpPort);
        check(problems, httpPort != httpsPort, "http-port: must differ from https-port (" + httpsPort + ")");
        check(problems, upstream != null && UPSTREAM.matcher(upstream).matches() && upstreamPortValid(upstream),
                "upstream: expected host:port such as 127.0.0.1:8080, got " + quote(upstream));
        check(problems, maxFileSizeMb >= 1 && maxFileSizeMb <= 10240,
                "max-file-size-mb: expected 1 to 10240 (the server's MAX_FILE_SIZE_MB), got " + maxFileSizeMb);
        check(problems, bodyOverheadMb >= 1 && bodyOverheadMb <= 1024,
                "body-overhead-mb: expected 1 to 1024, got " + bodyOverheadMb);
        checkAbsolute(problems, "cert", certificate);
        checkAbsolute(problems, "key", privateKey);
        checkAbsolute(problems, "webroot", acmeWebroot);
        checkAbsolute(problems, "data-dir", dataDir);
        checkAbsolute(problems, "install-dir", installDir);
        check(problems, serviceUser != null && USER.matcher(serviceUser).matches(),
                "service-user: expected a system user name such as chatalot, got " + quote(serviceUser));
        check(problems, dockerNetwork != null && NETWORK.matcher(dockerNetwork).matches(),
                "network: expected a Docker network name such as web, got " + quote(dockerNetwork));
        checkAbsolute(problems, "java", java);
        listenAddress = listenAddress == null ? Optional.empty() : listenAddress.map(a -> a.replaceAll("^\\[|]$", ""));
        check(problems, listenAddress.isEmpty() || IPV4.matcher(listenAddress.get()).matches()
                || IPV6.matcher(listenAddress.get()).matches(), "listen-address: expected an IP address of this "
                + "machine such as 192.168.1.20 or ::1, got " + quote(listenAddress.orElse(null)));
        if (!problems.isEmpty()) {
            throw new InvalidSettings(problems);
        }
    }

    public static DeploySettingsBuilder builder(String domain) {
        return new DeploySettingsBuilder(domain);
    }

    /** What the proxy must accept: the upload limit plus multipart overhead. */
    public int bodyLimitMb() {
        return maxFileSizeMb + bodyOverheadMb;
    }

    /** The address users type, with the port only when it is not 443: the server's PUBLIC_URL. */
    public String publicUrl() {
        return "https://" + domain + (httpsPort == 443 ? "" : ":" + httpsPort);
    }

    /** Whether the proxy has a plain-HTTP listener (for the redirect and ACME's HTTP-01 challenge). */
    public boolean hasHttpPort() {
        return httpPort != 0;
    }

    /** {@code ADDR:PORT} for nginx's {@code listen}: brackets around an IPv6 address. */
    public String listenOn(int port) {
        return listenAddress.map(a -> (a.contains(":") ? "[" + a + "]" : a) + ":" + port)
                .orElse(Integer.toString(port));
    }

    public int upstreamPort() {
        return Integer.parseInt(upstream.substring(upstream.lastIndexOf(':') + 1));
    }

    private static boolean upstreamPortValid(String upstream) {
        int port = Integer.parseInt(upstream.substring(upstream.lastIndexOf(':') + 1));
        return port >= 1 && port <= 65535;
    }

    private static void checkPort(List<String> problems, String field, int port) {
        check(problems, port >= 1 && port <= 65535, field + ": expected a port from 1 to 65535, got " + port);
    }

    private static void checkAbsolute(List<String> problems, String field, Path path) {
        check(problems, path != null && path.isAbsolute(), field + ": expected an absolute path, got " + path);
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private static String quote(String value) {
        return value == null ? "nothing" : "\"" + value + "\"";
    }
}
