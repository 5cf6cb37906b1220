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

    /** The whole configuration ({@code prosody.cfg.lua} beside this class): every listener on 127.0.0.1. */
    static String config(Path dir, int httpPort, int c2sPort) {
        return Templates.render("prosody.cfg.lua", Map.of("dir", dir.toString(), "http_port",
                Integer.toString(httpPort), "c2s_port", Integer.toString(c2sPort), "domain", XmppServer.DOMAIN));
    }
}
