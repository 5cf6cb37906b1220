package org.chatalot.bench.xmpp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.chatalot.bench.core.Launch;

/**
 * Prosody 0.12 from Debian, as our own foreground process with our own configuration: loopback only, no
 * s2s, no TLS ports, WebSocket on {@code /xmpp-websocket}, a MUC component whose new rooms are not locked,
 * plain-text accounts created by in-band registration.
 */
public final class Prosody {
    public static final String NAME = "Prosody 0.12";
    static final String BINARY = "/usr/bin/prosody";

    private Prosody() {
    }

    public static boolean isInstalled() {
        return Files.isExecutable(Path.of(BINARY));
    }

    public static XmppServer start(Path workDir) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(workDir, "prosody-");
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("certs"));
        int httpPort = Launch.freePort();
        int c2sPort = Launch.freePort();
        Path config = dir.resolve("prosody.cfg.lua");
        Files.writeString(config, config(dir, httpPort, c2sPort));
        return XmppServer.start(NAME, List.of(BINARY, "--config", config.toString(), "-F"), Map.of(), dir,
                httpPort, "/xmpp-websocket");
    }

    /** The whole configuration; every listener is on 127.0.0.1 and nothing else is enabled. */
    static String config(Path dir, int httpPort, int c2sPort) {
        return String.join("\n",
                "-- written by the Chatalot benchmark; this instance lives in " + dir,
                "run_as_root = true  -- the benchmark runs as whoever runs it; nothing here is reachable",
                "daemonize = false",
                "pidfile = \"" + dir.resolve("prosody.pid") + "\"",
                "data_path = \"" + dir.resolve("data") + "\"",
                "certificates = \"" + dir.resolve("certs") + "\"",
                "log = { warn = \"" + dir.resolve("prosody.log") + "\" }",
                "interfaces = { \"127.0.0.1\" }",
                "local_interfaces = { \"127.0.0.1\" }",
                "c2s_interfaces = { \"127.0.0.1\" }",
                "c2s_ports = { " + c2sPort + " }",
                "c2s_direct_tls_ports = {}",
                "legacy_ssl_ports = {}",
                "s2s_ports = {}",
                "component_ports = {}",
                "http_interfaces = { \"127.0.0.1\" }",
                "http_ports = { " + httpPort + " }",
                "https_ports = {}",
                "modules_enabled = { \"roster\"; \"saslauth\"; \"disco\"; \"ping\"; \"register\"; \"websocket\" }",
                "modules_disabled = { \"s2s\"; \"offline\" }",
                "authentication = \"internal_plain\"",
                "storage = \"internal\"",
                "allow_registration = true",
                "min_seconds_between_registrations = 0",
                "c2s_require_encryption = false",
                "allow_unencrypted_plain_auth = true",
                "consider_websocket_secure = true",
                "VirtualHost \"" + XmppServer.DOMAIN + "\"",
                "Component \"conference." + XmppServer.DOMAIN + "\" \"muc\"",
                "  muc_room_locking = false",
                "  restrict_room_creation = false",
                "  max_history_messages = 0",
                "");
    }
}
