package org.chatalot.server;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

import io.helidon.common.socket.SocketOptions;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http1.Http1ConnectionSelector;

import org.chatalot.model.ApiPaths;
import org.chatalot.server.config.ConfigException;
import org.chatalot.server.config.HostPort;
import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.config.Settings;
import org.chatalot.server.error.NotFound;
import org.chatalot.server.health.HealthApi;
import org.chatalot.server.http.ProxyResolver;
import org.chatalot.server.http.RateLimitFilter;
import org.chatalot.server.http.RateLimiter;
import org.chatalot.server.http.RequestContextFilter;
import org.chatalot.server.http.RequestIds;
import org.chatalot.server.http.SecurityHeaders;
import org.chatalot.server.http.SlowClients;
import org.chatalot.server.http.UnreadBodyFilter;
import org.chatalot.server.local.LocalAdminRouting;
import org.chatalot.server.metrics.HttpMetricsFilter;

/**
 * The running server: builds every component from the configuration (the same wiring in production and
 * in tests), starts the public and loopback listeners, and stops them in order.
 */
public final class ChatServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChatServer.class.getName());
    static final String LOCAL_ADMIN_SOCKET = "local-admin";
    /** Multipart framing and headers on top of the largest file. */
    private static final long UPLOAD_OVERHEAD_BYTES = 16L * 1024 * 1024;

    private final ServerConfig config;
    private final ServerGraph components;
    private final SlowClients slowClients;
    private final WebServer webServer;
    private final CompletableFuture<String> failed = new CompletableFuture<>();
    private volatile boolean stopped;

    private ChatServer(ServerConfig config, ServerGraph components, SlowClients slowClients, WebServer webServer) {
        this.config = config;
        this.components = components;
        this.slowClients = slowClients;
        this.webServer = webServer;
    }

    /** Builds the object graph and starts listening; throws ConfigException on unusable settings. */
    public static ChatServer start(ServerConfig config) {
        return start(config, Map.of());
    }

    /**
     * Starts with additional services mounted under {@code /api} before the catch-all; tests use it to add
     * probe endpoints to the otherwise unchanged production wiring.
     */
    public static ChatServer start(ServerConfig config, Map<String, HttpService> extraApiServices) {
        return start(config, extraApiServices, Clock.systemUTC());
    }

    /**
     * As above with another clock for everything that reads the time (tokens, schedules, retention): tests move
     * it to make a day pass. Production always uses the system clock.
     */
    public static ChatServer start(ServerConfig config, Map<String, HttpService> extraApiServices, Clock clock) {
        ServerGraph components = new ServerGraph(config, clock);
        SlowClients slowClients = new SlowClients(config.network().connections(), components.errors);
        try {
            WebServer server = webServer(config, components, slowClients, extraApiServices).build().start();
            requireListening(server, config);
            ChatServer chat = new ChatServer(config, components, slowClients, server);
            components.openSearchIndex().whenComplete((ignored, failure) -> {
                if (failure != null) {
                    chat.fail(failure instanceof CompletionException wrapped ? wrapped.getCause() : failure);
                }
            });
            return chat;
        } catch (RuntimeException e) {
            slowClients.close();
            components.close();
            throw e;
        }
    }

    /**
     * Completes with the reason when the server stopped itself because something it needs failed after it began
     * listening (the search index could not be opened); Main then exits with status 2, as for a failed start.
     */
    public CompletionStage<String> failure() {
        return failed.minimalCompletionStage();
    }

    /**
     * Logs why, stops (on a thread of its own: the caller may be one that stopping waits for; not a daemon, or
     * the JVM could end with status 0 once the server's threads are gone, before Main's exit(2)), and says so.
     */
    private void fail(Throwable why) {
        String reason = why.getMessage() != null ? why.getMessage() : why.toString();
        LOG.log(System.Logger.Level.ERROR, reason + "; stopping");
        Thread.ofPlatform().name("chatalot-failed").daemon(false).start(() -> {
            stop();
            failed.complete(reason);
        });
    }

    public int port() {
        return webServer.port();
    }

    public Optional<Integer> localAdminPort() {
        return config.network().localAdmin().map(ignored -> webServer.port(LOCAL_ADMIN_SOCKET));
    }

    /** {@code http://host:port} of the public listener, with a loopback host when bound to all interfaces. */
    public URI baseUri() {
        return URI.create("http://" + reachableHost(config.network().listen()) + ":" + port());
    }

    public ServerConfig config() {
        return config;
    }

    /** Whether accepted connections get TCP_NODELAY, as read back from the running server's settings. */
    public boolean usesTcpNoDelay() {
        return webServer.prototype().connectionOptions().tcpNoDelay();
    }

    /**
     * Runs a housekeeping task now and waits for it (e.g. {@code "scheduled backups"} after a test moved the
     * clock to 03:00); its timer keeps running as before.
     */
    public long runHousekeeping(String task) throws InterruptedException, TimeoutException {
        return components.housekeeping.runNow(task, Duration.ofMinutes(5));
    }

    /** Stops in order: refuse new work, say goodbye to sockets, let requests finish, close storage. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        LOG.log(System.Logger.Level.INFO, "Shutting down");
        components.lifecycle.beginShutdown();
        webServer.stop();
        slowClients.close();
        components.close();
        LOG.log(System.Logger.Level.INFO, "Stopped");
    }

    @Override
    public void close() {
        stop();
    }

    private static WebServerConfig.Builder webServer(ServerConfig config, ServerGraph c, SlowClients slowClients,
                                                     Map<String, HttpService> extraApiServices) {
        HostPort listen = config.network().listen();
        WebServerConfig.Builder builder = WebServer.builder()
                .shutdownHook(false)
                .host(listen.host())
                .port(listen.port())
                // Without TCP_NODELAY small WebSocket frames wait for delayed ACKs (~40 ms each).
                .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                .maxPayloadSize(config.limits().maxFileSizeBytes() + UPLOAD_OVERHEAD_BYTES)
                .directHandlers(c.errors.directHandlers())
                .shutdownGracePeriod(config.network().shutdownGrace())
                .routing(routing -> publicRouting(routing, config, c, extraApiServices));
        // Our own HTTP/1 selector, and the only one (Helidon adds none when it discovers no protocols): its
        // WebSocket upgrader runs our Origin check, HTTP/1.0 from a proxy is accepted, and every connection
        // is timed from its first byte (SlowClients). With more than one selector Helidon would read, without
        // a time limit, to choose between them.
        Http1ConnectionSelector http1 = Http1ConnectionSelector.builder()
                .config(slowClients.http1Config())
                .addUpgrader(c.realtime.configure(builder, proxyResolver(config), config.network().publicOrigin()))
                .build();
        builder.protocolsDiscoverServices(false)
                .maxTcpConnections(config.network().connections().maxConnections())
                .addConnectionSelector(slowClients.watching(http1));
        config.network().localAdmin().ifPresent(local -> builder.putSocket(LOCAL_ADMIN_SOCKET, socket -> socket
                .host(local.host())
                .port(local.port())
                .directHandlers(c.errors.directHandlers())
                .routing(routing -> LocalAdminRouting.configure(routing, c.metrics, c.health, c.json,
                        c.errors, c.admin.local()))));
        return builder;
    }

    private static void publicRouting(HttpRouting.Builder routing, ServerConfig config, ServerGraph c,
                                      Map<String, HttpService> extraApiServices) {
        RequestIds ids = c.requestIds;
        routing.addFilter(new UnreadBodyFilter())
                .addFilter(new RequestContextFilter(ids, proxyResolver(config)))
                .addFilter(new SecurityHeaders(java.util.List.of(c.web.importMapHash()), c.web.styleHashes()))
                .addFilter(new HttpMetricsFilter(c.metrics.registry()))
                .addFilter(new RateLimitFilter(new RateLimiter(config.limits().general()),
                        new RateLimiter(config.limits().auth()), c.errors))
                .register(ApiPaths.HEALTH, new HealthApi(c.health, c.json))
                .register(ApiPaths.AUTH, c.apis.auth())
                .register(ApiPaths.ACCOUNT, c.apis.account())
                .register(ApiPaths.USERS, c.apis.users())
                .register(ApiPaths.ADMIN + "/invites", c.apis.invites())
                .register(ApiPaths.ADMIN + "/audit", c.apis.audit())
                .register(ApiPaths.ADMIN + "/users", c.admin.users())
                .register(ApiPaths.ADMIN + "/channels", c.admin.channels())
                .register(ApiPaths.ADMIN + "/backups", c.admin.backups())
                .register(ApiPaths.ADMIN, c.admin.instance())
                .register(ApiPaths.CHANNELS, c.apis.messages().channelRoutes())
                .register(ApiPaths.CHANNELS, c.apis.channels())
                .register(ApiPaths.MESSAGES, c.apis.messages().messageRoutes())
                .register(ApiPaths.DMS, c.apis.dms())
                .register(ApiPaths.BLOCKS, c.apis.blocks())
                .register(ApiPaths.FILES, c.apis.files())
                .register(ApiPaths.CALLS, c.apis.calls())
                .register(ApiPaths.SEARCH, c.apis.search());
        extraApiServices.forEach(routing::register);
        Handler unknownApi = (req, res) -> {
            throw new NotFound("no such endpoint: " + req.prologue().method().text() + " " + req.path().path());
        };
        routing.any(ApiPaths.API, unknownApi).any(ApiPaths.API + "/*", unknownApi);
        c.web.register(routing);
        routing.any((req, res) -> {
            if (c.web.isPageNavigation(req)) {
                c.web.sendNotFoundPage(req, res);
                return;
            }
            throw new NotFound("no such page: " + req.path().path());
        });
        c.errors.register(routing);
    }

    /**
     * Helidon logs a listener that cannot bind (port taken) and carries on without it; a chat server that
     * looks started but listens nowhere is worse than one that stops, so stop with the setting named.
     */
    private static void requireListening(WebServer server, ServerConfig config) {
        List<String> problems = new ArrayList<>();
        if (server.port() <= 0) {
            problems.add(Settings.LISTEN_ADDR.name() + ": cannot listen on " + config.network().listen()
                    + " (address in use, or not an address of this machine)");
        }
        config.network().localAdmin().filter(local -> server.port(LOCAL_ADMIN_SOCKET) <= 0).ifPresent(local ->
                problems.add(Settings.LOCAL_ADMIN_ADDR.name() + ": cannot listen on " + local
                        + " (address in use; another Chatalot on this machine? set another port or off)"));
        if (!problems.isEmpty()) {
            server.stop();
            throw new ConfigException(problems);
        }
    }

    private static ProxyResolver proxyResolver(ServerConfig config) {
        return new ProxyResolver(config.network().trustedProxies(), config.network().forwardedHeaders());
    }

    private static String reachableHost(HostPort listen) {
        String host = listen.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
