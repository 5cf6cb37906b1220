package org.chatalot.server;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;

import org.chatalot.model.message.UserRef;
import org.chatalot.model.user.PublicProfile;
import org.chatalot.model.user.UserStatus;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.account.AccountApi;
import org.chatalot.server.account.AccountService;
import org.chatalot.server.admin.StorageUsage;
import org.chatalot.server.audit.AuditApi;
import org.chatalot.server.audit.AuditLog;
import org.chatalot.server.audit.AuditQuery;
import org.chatalot.server.auth.AccessTokens;
import org.chatalot.server.auth.AccountEvents;
import org.chatalot.server.auth.AccountStates;
import org.chatalot.server.auth.AuthApi;
import org.chatalot.server.auth.Credentials;
import org.chatalot.server.auth.Login;
import org.chatalot.server.auth.LoginThrottle;
import org.chatalot.server.auth.PasswordHasher;
import org.chatalot.server.auth.PasswordPolicy;
import org.chatalot.server.auth.RefreshCookie;
import org.chatalot.server.auth.Registration;
import org.chatalot.server.auth.SecretBox;
import org.chatalot.server.auth.Secrets;
import org.chatalot.server.auth.SessionRepository;
import org.chatalot.server.auth.Sessions;
import org.chatalot.server.auth.SetupCode;
import org.chatalot.server.auth.TwoFactor;
import org.chatalot.server.call.CallApi;
import org.chatalot.server.call.CallService;
import org.chatalot.server.call.IceServers;
import org.chatalot.server.channel.BlockApi;
import org.chatalot.server.channel.ChannelAccess;
import org.chatalot.server.channel.ChannelApi;
import org.chatalot.server.channel.ChannelIndex;
import org.chatalot.server.channel.ChannelRepository;
import org.chatalot.server.channel.ChannelService;
import org.chatalot.server.channel.DirectMessages;
import org.chatalot.server.channel.DmApi;
import org.chatalot.server.channel.Memberships;
import org.chatalot.server.channel.NotifyLevels;
import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.db.Database;
import org.chatalot.server.db.DiskSpace;
import org.chatalot.server.db.Ids;
import org.chatalot.server.error.NotFound;
import org.chatalot.server.file.FileApi;
import org.chatalot.server.health.BuildInfo;
import org.chatalot.server.health.Essential;
import org.chatalot.server.health.HealthChecks;
import org.chatalot.server.health.Lifecycle;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.ErrorResponses;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.RequestIds;
import org.chatalot.server.http.SameOrigin;
import org.chatalot.server.invite.InviteAdminApi;
import org.chatalot.server.invite.InviteService;
import org.chatalot.server.local.LocalToken;
import org.chatalot.server.maintenance.Housekeeping;
import org.chatalot.server.message.Mentions;
import org.chatalot.server.message.MessageHistory;
import org.chatalot.server.message.MessageApi;
import org.chatalot.server.message.MessageRate;
import org.chatalot.server.message.MessageRepository;
import org.chatalot.server.message.MessageService;
import org.chatalot.server.message.MessageWriter;
import org.chatalot.server.message.ReadCursors;
import org.chatalot.server.message.Senders;
import org.chatalot.server.metrics.ServerMetrics;
import org.chatalot.server.realtime.Delivery;
import org.chatalot.server.realtime.Dispatcher;
import org.chatalot.server.realtime.Frames;
import org.chatalot.server.realtime.Handshake;
import org.chatalot.server.realtime.Heartbeat;
import org.chatalot.server.realtime.Hub;
import org.chatalot.server.realtime.Presence;
import org.chatalot.server.realtime.RealtimeEndpoint;
import org.chatalot.server.realtime.SessionEnds;
import org.chatalot.server.realtime.SessionRegistry;
import org.chatalot.server.realtime.Typing;
import org.chatalot.server.search.SearchApi;
import org.chatalot.server.search.SearchIndex;
import org.chatalot.server.search.SearchService;
import org.chatalot.server.security.ServerKeys;
import org.chatalot.server.selfcheck.SelfChecker;
import org.chatalot.server.settings.InstanceSettings;
import org.chatalot.server.settings.InstanceSettingsRepository;
import org.chatalot.server.user.User;
import org.chatalot.server.user.UserApi;
import org.chatalot.server.user.UserDirectory;
import org.chatalot.server.user.UserRepository;
import org.chatalot.server.web.WebClient;

/**
 * The whole object graph, built once from the configuration, in dependency order. This is the only place
 * that knows how the parts fit together; each part gets what it needs through its constructor.
 */
final class ServerGraph implements AutoCloseable {
    final ServerConfig config;
    final Clock clock;
    final BuildInfo build;
    final Database database;
    final ServerMetrics metrics;
    final Lifecycle lifecycle;
    final Json json;
    final RequestIds requestIds;
    final ErrorResponses errors;
    final HealthChecks health;
    final SelfChecker selfChecker;
    final Housekeeping housekeeping;
    final Apis apis;
    final AdminWiring.Admin admin;
    final RealtimeEndpoint realtime;
    final WebClient web;
    private final PasswordHasher hasher;
    private final MessageRate messageRate;
    private MessageWriter messageWriter;
    private SearchIndex searchIndex;
    private Heartbeat heartbeat;

    ServerGraph(ServerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.build = BuildInfo.load();
        this.web = WebClient.load();
        createDataDir(config.storage().dataDir());
        // Before anything is written: on a full disk, one line and a clean stop instead of a half-done start.
        DiskSpace space = DiskSpace.of(config.storage().dataDir(), config.storage().minFreeDiskBytes());
        space.requireRoomToStart();
        ServerKeys keys = ServerKeys.loadOrGenerate(config.security(), config.storage());
        this.database = Database.open(config.storage(), space);
        this.metrics = new ServerMetrics();
        Gauge.builder("chatalot.db.connections.active", database, Database::activeConnections)
                .register(metrics.registry());
        database.fileUpkeep().ifPresent(ignored -> {
            Gauge.builder("chatalot.db.file.bytes", database,
                    db -> db.fileUpkeep().map(Database.FileUpkeep::fileBytes).orElse(-1L)).baseUnit("bytes")
                    .description("Size of the H2 database file after the last upkeep round")
                    .register(metrics.registry());
            Gauge.builder("chatalot.db.live.bytes", database,
                    db -> db.fileUpkeep().map(Database.FileUpkeep::liveBytes).orElse(-1L)).baseUnit("bytes")
                    .description("Live data in the H2 database file (H2's fill rates) after the last upkeep round")
                    .register(metrics.registry());
            FunctionCounter.builder("chatalot.db.upkeep.failures", database,
                    db -> db.fileUpkeep().map(Database.FileUpkeep::failedRounds).orElse(0L))
                    .description("Rounds of the database file's upkeep that failed").register(metrics.registry());
        });
        this.lifecycle = new Lifecycle(clock);
        this.json = new Json();
        this.requestIds = new RequestIds();
        this.errors = new ErrorResponses(json, requestIds);
        this.housekeeping = new Housekeeping();
        this.hasher = PasswordHasher.forMachine(config.security().argon2());
        Accounts accounts = accounts(keys);
        this.messageRate = new MessageRate(metrics.registry(), () -> clock.millis() / 1000);
        Chat chat = chat(accounts);
        this.realtime = chat.realtime();
        SessionRegistry sessions = chat.sessions();
        this.selfChecker = SelfChecker.start(config.network().publicUrl(), config.selfCheck(), metrics.registry(),
                clock);
        this.health = new HealthChecks(database, config.storage(), space, lifecycle, build, new HealthChecks.Activity(
                sessions::openSockets, sessions::sessionCount, messageRate::lastMinute),
                List.of(new Essential("message_writer", messageWriter::trouble)), selfChecker::latest);
        lifecycle.onShutdown(() -> {
            heartbeat.close();
            chat.hub().shutdown();
        });
        this.admin = AdminWiring.build(accounts.adminParts(), new AdminWiring.Context(config, clock, database.sql(),
                json, build.version(), health, housekeeping, chat.channelService(), sessions, chat.storage()));
        this.apis = new Apis(accounts.auth(), accounts.account(), accounts.users(), accounts.invites(),
                accounts.audit(), chat.channels(), chat.dms(), chat.blocks(), chat.messages(), chat.fileApi(),
                chat.calls(), chat.search());
        // Once the graph is whole: a wiring failure above leaves no writer thread running.
        messageWriter.start();
    }

    /**
     * Opens the search index on its own thread; ChatServer calls it once it listens, so that Lucene's start is not
     * part of the time to the first answer. Completes exceptionally when the index cannot be opened.
     */
    CompletionStage<Void> openSearchIndex() {
        searchIndex.open();
        return searchIndex.opened();
    }

    /** The HTTP services of every feature, mounted by ChatServer. */
    record Apis(AuthApi auth, AccountApi account, UserApi users, InviteAdminApi invites, AuditApi audit,
                ChannelApi channels, DmApi dms, BlockApi blocks, MessageApi messages, FileApi files,
                CallApi calls, SearchApi search) {
    }

    private record Accounts(AuthApi auth, AccountApi account, UserApi users, InviteAdminApi invites, AuditApi audit,
                            AccessTokens tokens, Access access, AccountEvents events, UserRepository userRepository,
                            Ids ids, AdminWiring.AccountParts adminParts) {
    }

    private record Chat(ChannelApi channels, DmApi dms, BlockApi blocks, MessageApi messages, CallApi calls,
                        RealtimeEndpoint realtime, Hub hub, SessionRegistry sessions, ChannelService channelService,
                        FileApi fileApi, StorageUsage storage, SearchApi search) {
    }

    private Accounts accounts(ServerKeys keys) {
        var sql = database.sql();
        var ids = new Ids(clock);
        var secrets = new Secrets();
        var audit = new AuditLog(sql, ids, clock);
        var settings = new InstanceSettings(new InstanceSettingsRepository(sql, clock), config.security(),
                config.limits());
        var users = new UserRepository(sql);
        var sessionRepository = new SessionRepository(sql);
        var states = new AccountStates(
                id -> users.byId(id).map(u -> new AccountStates.UserState(u.id(), u.username(), u.displayName(),
                        u.role(), u.status())),
                id -> sessionRepository.byId(id).map(s ->
                        new AccountStates.SessionState(s.id(), s.userId(), s.revokedAt() != null)));
        var tokens = new AccessTokens(keys.jwtKeyPair(), clock, states);
        var access = new Access(tokens, config.security().adminAllowedCidrs());
        var events = new AccountEvents();
        var sessions = new Sessions(sql, sessionRepository, users, tokens, states, events, audit, secrets, ids, clock);
        var throttle = new LoginThrottle(sql, clock);
        var policy = PasswordPolicy.withBundledList();
        var twoFactor = new TwoFactor(sql, users, new SecretBox(keys.totpKey()), secrets, clock, issuer());
        var setupCode = new SetupCode(config.storage().dataDir(), secrets);
        setupCode.prepare(users.ownerExists());
        var invites = new InviteService(sql, clock, audit, () -> secrets.humanCode(3, 4));
        var registration = new Registration(sql, users, invites, settings, setupCode, hasher, policy, sessions,
                audit, secrets, ids, clock);
        var login = new Login(sql, users, hasher, policy, throttle, twoFactor, sessions, states, audit, secrets, clock);
        var credentials = new Credentials(hasher, throttle, twoFactor, audit);
        var accounts = new AccountService(sql, users, hasher, policy, credentials, twoFactor, sessions, states,
                audit, secrets, events, clock);
        housekeeping.every(Duration.ofHours(1), Duration.ofMinutes(1), "expired login locks", throttle::prune);
        housekeeping.every(Duration.ofHours(6), Duration.ofMinutes(2), "expired sessions",
                () -> sessionRepository.deleteExpired(clock.instant()));
        var refreshCookie = new RefreshCookie(new SameOrigin(config.network().publicOrigin()));
        return new Accounts(
                new AuthApi(registration, login, sessions, access, json, refreshCookie,
                        new AuthApi.AuthConfigSource(config, settings, setupCode, build)),
                new AccountApi(accounts, access, json, refreshCookie),
                new UserApi(new UserDirectory(users), access, json),
                new InviteAdminApi(invites, access, json),
                new AuditApi(new AuditQuery(sql), audit, access, json, clock),
                tokens, access, events, users, ids,
                new AdminWiring.AccountParts(users, sessions, states, events, twoFactor, throttle, hasher, policy,
                        secrets, setupCode, audit, settings, access, ids));
    }

    private Chat chat(Accounts accounts) {
        var sql = database.sql();
        var memberships = new Memberships();
        var channelRepository = new ChannelRepository(sql);
        channelRepository.allMemberships().forEach(pair -> memberships.add(pair[0], pair[1]));
        var channelIndex = ChannelIndex.loadFrom(channelRepository);
        var sessions = new SessionRegistry(metrics.registry());
        var delivery = new Delivery(sessions, memberships, new Frames(json), metrics.registry());
        accounts.events().subscribe(new AccountEvents.Listener() {
            @Override
            public void profileChanged(PublicProfile profile) {
                delivery.toUserAndPeers(profile.id(), new ServerMessage.UserUpdated(profile));
            }
        });
        var access = new ChannelAccess(channelRepository, channelIndex, memberships, accounts.userRepository());
        var channels = new ChannelService(sql, channelRepository, channelIndex, memberships, access, delivery,
                accounts.ids(), clock);
        var dms = new DirectMessages(sql, channelRepository, channelIndex, memberships, access,
                accounts.userRepository(), accounts.ids(), clock);
        var files = FileWiring.build(new FileWiring.Context(config, clock, sql, json, errors, housekeeping,
                accounts.access(), accounts.ids(), accounts.adminParts().settings()), access, memberships);
        var messageRepository = new MessageRepository(sql);
        this.searchIndex = new SearchIndex(config.storage().dataDir(), sql);
        this.messageWriter = new MessageWriter(sql, messageRepository, channelRepository, files.attachments(),
                messageRate, accounts.ids(), clock, searchIndex);
        var users = accounts.userRepository();
        var mentions = new Mentions(name -> users.byUsername(name).filter(u -> u.status() != UserStatus.DELETED)
                .map(User::id), memberships);
        var history = new MessageHistory(messageRepository, access, files.attachments());
        var messages = new MessageService(sql, messageRepository, history, messageWriter, access, dms, memberships,
                files.attachments(), senders(accounts.adminParts().states()), delivery, mentions, searchIndex,
                clock);

        var cursors = new ReadCursors(channelRepository, messageRepository, access, delivery);
        var calls = new CallService(access, memberships, delivery, sessions, accounts.ids(), System::nanoTime);
        memberships.onRemoval(calls);
        var hub = hub(accounts, sessions, delivery, memberships, messages, cursors, calls);
        return new Chat(new ChannelApi(channels, accounts.access(), json), new DmApi(dms, accounts.access(), json),
                new BlockApi(dms, accounts.access(), json), new MessageApi(messages, history, cursors,
                        new NotifyLevels(channelRepository, access, delivery), accounts.access(), json),
                new CallApi(new IceServers(config.calls(), clock), accounts.access(), json),
                new RealtimeEndpoint(hub, config.limits()), hub, sessions, channels, files.api(), files.storage(),
                new SearchApi(new SearchService(searchIndex, memberships, access, history), accounts.access(),
                        json));
    }

    /**
     * The WebSocket side: what a socket may do before it has a session and after, how sessions end, and the
     * clock that pings sockets and expires what waited too long (started here).
     */
    private Hub hub(Accounts accounts, SessionRegistry sessions, Delivery delivery, Memberships memberships,
                    MessageService messages, ReadCursors cursors, CallService calls) {
        var presence = new Presence(sessions, delivery);
        var typing = new Typing(delivery);
        var ends = new SessionEnds(sessions, delivery, presence, calls);
        accounts.events().subscribe(ends);
        var handshake = new Handshake(sessions, delivery, presence, ends, calls, accounts.tokens(), accounts.ids(),
                build.version(), config.network().wsPingInterval().toSeconds(), metrics.registry());
        var dispatcher = new Dispatcher(accounts.tokens(), memberships, delivery, presence, typing, messages,
                cursors, calls);
        this.heartbeat = new Heartbeat(sessions, ends, typing, calls, config.network().wsPingInterval());
        heartbeat.start();
        return new Hub(sessions, delivery, presence, handshake, dispatcher, heartbeat, metrics.registry());
    }

    /** The sender of a new message from the account cache, which a profile change invalidates. */
    private static Senders senders(AccountStates states) {
        return userId -> states.user(userId).map(u -> new UserRef(u.id(), u.username(), u.displayName()))
                .orElseThrow(() -> new NotFound("no such user"));
    }

    /** DATA_DIR first, mode 700, so nothing created inside it later leaves it group- or world-readable. */
    private static void createDataDir(java.nio.file.Path dataDir) {
        try {
            org.chatalot.server.security.PrivateFiles.directory(dataDir);
        } catch (java.io.IOException e) {
            throw new org.chatalot.server.config.ConfigException(java.util.List.of(
                    "DATA_DIR: cannot create " + dataDir + ": " + e.getMessage()));
        }
    }

    /** The name authenticator apps show next to the code: the public host, or "Chatalot". */
    private String issuer() {
        return config.network().publicUrl().map(url -> "Chatalot (" + url.getHost() + ")").orElse("Chatalot");
    }

    /**
     * Stops what runs on its own, then storage. The message writer stops after the listeners (ChatServer stops
     * them first), so a send already accepted is still stored and announced, and before the search index and
     * the database it writes to.
     */
    @Override
    public void close() {
        if (admin != null) {
            admin.localToken().ifPresent(LocalToken::delete);
        }
        if (selfChecker != null) {
            selfChecker.close();
        }
        if (heartbeat != null) {
            heartbeat.close();
        }
        if (messageWriter != null) {
            messageWriter.close();
        }
        if (searchIndex != null) {
            searchIndex.close();
        }
        housekeeping.close();
        hasher.close();
        metrics.close();
        database.close();
    }
}
