package org.chatalot.bench.xmpp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.chatalot.bench.core.Launch;

/**
 * ejabberd 23.01 from Debian, started with {@code erl} directly rather than {@code ejabberdctl}: Debian's
 * {@code /etc/ejabberd/ejabberdctl.cfg} sets {@code EJABBERD_CONFIG_PATH} and so overrides
 * {@code --config}, and as root ejabberdctl switches to the ejabberd user, who cannot read our temporary
 * folder. Our configuration binds the only listener (HTTP with {@code /ws}) to 127.0.0.1 (the stock one
 * listens on all interfaces), turns traffic shapers off and allows in-band registration. Without a node
 * name the VM starts no Erlang distribution, so no epmd either.
 */
public final class Ejabberd {
    public static final String NAME = "ejabberd 23.01";
    static final String ERL = "/usr/bin/erl";
    static final Path LIBS = Path.of("/usr/lib/x86_64-linux-gnu");

    private Ejabberd() {
    }

    public static boolean isInstalled() {
        return Files.isExecutable(Path.of(ERL)) && Files.isDirectory(LIBS.resolve("ejabberd-23.01"));
    }

    public static XmppServer start(Path workDir) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(workDir, "ejabberd-");
        Files.createDirectories(dir.resolve("db"));
        int port = Launch.freePort();
        Path config = dir.resolve("ejabberd.yml");
        Files.writeString(config, config(port));
        return XmppServer.start(NAME, command(dir), environment(dir, config), dir, port, "/ws");
    }

    static List<String> command(Path dir) {
        return List.of(ERL, "-noinput", "-noshell", "+K", "true", "-mnesia", "dir", "\"" + dir.resolve("db") + "\"",
                "-s", "ejabberd");
    }

    static Map<String, String> environment(Path dir, Path config) {
        return Map.of("ERL_LIBS", LIBS.toString(), "EJABBERD_CONFIG_PATH", config.toString(),
                "EJABBERD_LOG_PATH", dir.resolve("ejabberd.log").toString(), "HOME", dir.toString(),
                "ERL_CRASH_DUMP", dir.resolve("erl_crash.dump").toString());
    }

    /** The whole configuration ({@code ejabberd.yml} beside this class): one loopback listener, no shapers. */
    static String config(int port) {
        return Templates.render("ejabberd.yml", Map.of("port", Integer.toString(port), "domain", XmppServer.DOMAIN));
    }
}
