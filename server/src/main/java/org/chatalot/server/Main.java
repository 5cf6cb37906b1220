package org.chatalot.server;

import org.chatalot.model.ProductVersion;
import org.chatalot.server.common.CannotStart;
import org.chatalot.server.config.ConfigException;
import org.chatalot.server.config.ConfigLoader;
import org.chatalot.server.db.DatabaseTooNew;

/**
 * Entry point: {@code java -jar chatalot-server.jar} runs the server, {@code … admin <command>} the local
 * admin commands, {@code … --version} prints the product version, {@code … --aot-training} is the training run of
 * the start-up cache (see AotTraining). Configuration comes from the environment.
 */
public final class Main {
    static {
        // Must happen before anything touches java.util.logging; see ServerLogManager.
        System.setProperty("java.util.logging.manager", ServerLogManager.class.getName());
    }

    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println(ProductVersion.line());
            return;
        }
        if (args.length > 0 && args[0].equals("--aot-training")) {
            System.exit(AotTraining.run());
        }
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(adminCommand(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        ConfigLoader.LoadedConfig loaded;
        try {
            loaded = ConfigLoader.fromEnvironment();
        } catch (ConfigException e) {
            System.err.println("chatalot: " + e.getMessage());
            System.err.println("See docs/configuration.md for every setting and its accepted values.");
            System.exit(2);
            return;
        }
        LogSetup.configure(loaded.config().logLevel());
        LOG.log(System.Logger.Level.INFO, loaded.summary());
        ChatServer server;
        try {
            server = ChatServer.start(loaded.config());
        } catch (ConfigException | DatabaseTooNew | CannotStart e) {
            LOG.log(System.Logger.Level.ERROR, e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "chatalot-shutdown"));
        // The search index opens after the listener; if it cannot, the server has logged why and stopped.
        server.failure().thenRun(() -> System.exit(2));
        String local = server.localAdminPort().map(port -> "; local admin on "
                + loaded.config().network().localAdmin().orElseThrow().host() + ":" + port).orElse("");
        LOG.log(System.Logger.Level.INFO, "Chatalot is listening on " + server.baseUri() + local);
        // On stdout, whatever LOG_LEVEL says: this is the one line the person who started it needs.
        System.out.println(OpenUrl.line(loaded.config().network().publicUrl(), loaded.config().network().listen(),
                server.port()));
    }

    private static int adminCommand(String[] args) {
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8));
        var out = new java.io.PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        var err = new java.io.PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        return org.chatalot.server.cli.AdminCli.run(System.getenv(), args, in, out, err);
    }
}
