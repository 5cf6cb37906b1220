package org.chatalot.bench.search;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;

import org.chatalot.bench.chatalot.Api;
import org.chatalot.bench.chatalot.ServerLaunch;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.chatalot.Socket;
import org.chatalot.bench.core.Machine;
import org.chatalot.bench.core.ProcessStats;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.AddMemberRequest;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.CreateChannelRequest;
import org.chatalot.model.channel.Visibility;

/**
 * W9, message search over a large history. The data set is made through the server's own write path:
 * {@code posters} sockets send {@code messages} messages of {@link Corpus} text (each waiting for its
 * {@code message_sent}, so every one is committed, indexed and counted), 90% into channels chosen by a Zipf
 * law (a few big channels, many small ones) and 10% into DMs with the searchers; 1% mention someone. Then
 * three searchers time their searches one at a time: "light" reads the 5 smallest channels, "typical" a
 * third of them, "heavy" every channel; each also has a DM with every poster.
 */
public final class SearchBench {
    private static final String ACK = "\"type\":\"message_sent\"";
    private static final String[] SEARCHERS = {"light", "typical", "heavy"};

    private final Settings settings;
    private final Corpus corpus = new Corpus(2026);

    /** The data set's and the measurement's sizes. */
    public record Settings(int messages, int posters, int window, int channels, int privateChannels,
                           int queriesPerKind, int warmUp) {
        public static Settings full() {
            return new Settings(1_000_000, 16, 16, 60, 10, 30, 90);
        }

        public static Settings smoke() {
            return new Settings(3_000, 4, 8, 8, 2, 2, 6);
        }
    }

    public SearchBench(Settings settings) {
        this.settings = settings;
    }

    public SearchResults run(ServerLaunch launch, Path work) throws Exception {
        SearchResults.Load load;
        Map<String, List<Double>> byKind = new LinkedHashMap<>();
        Map<String, List<Double>> bySearcher = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        long[] hits = new long[1];
        Path dataDir;
        try (ServerProcess server = ServerProcess.start(launch, work, ServerProcess.FAST_SETUP,
                ServerProcess.jvmOptions())) {
            dataDir = server.dataDir();
            Api api = new Api(server.base());
            World world = world(api, server);
            load = load(server, world);
            List<AuthTokens> searchers = new ArrayList<>();
            for (String name : SEARCHERS) {
                searchers.add(Api.JSON.readValue(api.login("searcher-" + name + "0", null).body(), AuthTokens.class));
            }
            Queries queries = new Queries(api, corpus, world, load, new SplittableRandom(7));
            for (int i = 0; i < settings.warmUp(); i++) {
                queries.run(i % SEARCHERS.length, searchers.get(i % SEARCHERS.length), Queries.Kind.values()[
                        i % Queries.Kind.values().length]);
            }
            for (int round = 0; round < settings.queriesPerKind(); round++) {
                for (Queries.Kind kind : Queries.Kind.values()) {
                    for (int s = 0; s < SEARCHERS.length; s++) {
                        Queries.Timed timed = queries.run(s, searchers.get(s), kind);
                        double ms = timed.nanos() / 1e6;
                        all.add(ms);
                        byKind.computeIfAbsent(kind.label(), k -> new ArrayList<>()).add(ms);
                        bySearcher.computeIfAbsent(SEARCHERS[s], k -> new ArrayList<>()).add(ms);
                        hits[0] += timed.hits();
                    }
                }
            }
        }
        SearchResults.Sizes sizes = sizes(dataDir);
        Map<String, SearchResults.Stats> kinds = new LinkedHashMap<>();
        byKind.forEach((kind, values) -> kinds.put(kind, SearchResults.Stats.of(values)));
        Map<String, SearchResults.Stats> searchers = new LinkedHashMap<>();
        bySearcher.forEach((who, values) -> searchers.put(who, SearchResults.Stats.of(values)));
        SearchResults results = new SearchResults(Machine.describe(), settings, load, sizes,
                SearchResults.Stats.of(all), kinds, searchers, all.isEmpty() ? 0 : (double) hits[0] / all.size());
        System.out.print(results.section());
        return results;
    }

    /** Who and where: the posters, the searchers, the channels and DMs, and who reads what. */
    record World(List<AuthTokens> posters, List<AuthTokens> searchers, List<UUID> channels,
                 List<List<UUID>> dmsOfPoster, List<List<UUID>> readableBySearcher) {
    }

    private World world(Api api, ServerProcess server) throws Exception {
        AuthTokens owner = api.registerOwner(server.setupCode());
        List<AuthTokens> posters = api.registerMembers(owner, "poster-", settings.posters());
        List<AuthTokens> searchers = new ArrayList<>();
        for (String name : SEARCHERS) {
            searchers.add(api.registerMembers(owner, "searcher-" + name, 1).getFirst());
        }
        List<UUID> channels = new ArrayList<>();
        List<List<UUID>> readable = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < settings.channels(); i++) {
            boolean isPrivate = i % (settings.channels() / settings.privateChannels()) == 1;
            Channel channel = api.post(owner.accessToken(), "/api/channels", new CreateChannelRequest("search-" + i,
                    null, isPrivate ? Visibility.PRIVATE : Visibility.PUBLIC, null), Channel.class);
            channels.add(channel.id());
            List<AuthTokens> members = new ArrayList<>(posters);
            boolean[] reads = {i >= settings.channels() - 5, i % 3 == 0, true};
            for (int s = 0; s < SEARCHERS.length; s++) {
                if (reads[s]) {
                    members.add(searchers.get(s));
                    readable.get(s).add(channel.id());
                }
            }
            for (AuthTokens member : members) {
                if (isPrivate) {
                    api.post(owner.accessToken(), "/api/channels/" + channel.id() + "/members",
                            new AddMemberRequest(member.user().id()), Object.class);
                } else {
                    api.join(member, channel.id());
                }
            }
        }
        List<List<UUID>> dms = new ArrayList<>();
        for (AuthTokens poster : posters) {
            List<UUID> mine = new ArrayList<>();
            for (int s = 0; s < SEARCHERS.length; s++) {
                UUID dm = api.directMessage(poster, searchers.get(s).user().id()).id();
                mine.add(dm);
                readable.get(s).add(dm);
            }
            dms.add(mine);
        }
        return new World(posters, searchers, channels, dms, readable);
    }

    /** Sends the data set; every message is counted once its commit is acknowledged. */
    private SearchResults.Load load(ServerProcess server, World world) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        LongAdder acks = new LongAdder();
        AtomicLong toSend = new AtomicLong(settings.messages());
        long cpuBefore = ProcessStats.cpuNanos(server.handle());
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < world.posters().size(); p++) {
            Semaphore room = new Semaphore(settings.window());
            Socket socket = Socket.open(client, server.base(), world.posters().get(p).accessToken(), frame -> {
                if (frame.toString().contains(ACK)) {
                    acks.increment();
                    room.release();
                }
            });
            SplittableRandom random = new SplittableRandom(100 + p);
            List<UUID> dms = world.dmsOfPoster().get(p);
            threads.add(Thread.ofVirtual().start(() -> post(socket, room, toSend, random, world.channels(), dms)));
        }
        Thread progress = Thread.ofVirtual().start(() -> progress(acks, start));
        for (Thread thread : threads) {
            thread.join();
        }
        progress.interrupt();
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = ProcessStats.cpuNanos(server.handle()) - cpuBefore;
        long stored = acks.sum();
        System.out.printf("  W9 loaded %,d messages in %.0f s: %,.0f messages/s, %.1f µs server CPU per message%n",
                stored, seconds, stored / seconds, cpu / 1000.0 / stored);
        return new SearchResults.Load(stored, seconds, stored / seconds, cpu / 1000.0 / stored, startedAt,
                Instant.now());
    }

    private void post(Socket socket, Semaphore room, AtomicLong toSend, SplittableRandom random, List<UUID> channels,
                      List<UUID> dms) {
        try {
            while (toSend.getAndDecrement() > 0) {
                room.acquire();
                UUID target = random.nextInt(10) == 0 ? dms.get(random.nextInt(dms.size()))
                        : channels.get(zipfChannel(random, channels.size()));
                String text = corpus.message(random);
                if (random.nextInt(100) == 0) {
                    text += " @searcher-typical0";
                }
                socket.sendMessage(target.toString(), text, null);
            }
            if (!room.tryAcquire(settings.window(), 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("messages were not acknowledged within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            socket.close();
        }
    }

    /** Channel of rank r chosen about 1/(r+1) as often as the first. */
    private static int zipfChannel(SplittableRandom random, int count) {
        double harmonic = Math.log(count) + 0.5772;
        double u = random.nextDouble() * harmonic;
        double sum = 0;
        for (int r = 0; r < count; r++) {
            sum += 1.0 / (r + 1);
            if (u <= sum) {
                return r;
            }
        }
        return count - 1;
    }

    private static void progress(LongAdder acks, long start) {
        try {
            long reported = 0;
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(10_000);
                long now = acks.sum();
                System.out.printf("    %,d stored after %.0f s (%,.0f/s in the last 10 s)%n", now,
                        (System.nanoTime() - start) / 1e9, (now - reported) / 10.0);
                reported = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The database file, the search index folder, and what messages and mentions take in the database. */
    private static SearchResults.Sizes sizes(Path dataDir) throws Exception {
        long fileBytes = Files.size(dataDir.resolve("chatalot.mv.db"));
        long indexBytes;
        try (var files = Files.walk(dataDir.resolve("search"))) {
            indexBytes = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("chatalot"));
             Statement sql = db.createStatement()) {
            return new SearchResults.Sizes(fileBytes / 1e6, indexBytes / 1e6, used(sql, "MESSAGE") / 1e6,
                    used(sql, "MENTION") / 1e6, count(sql, "MESSAGE"));
        }
    }

    private static long used(Statement sql, String table) throws Exception {
        try (ResultSet row = sql.executeQuery("SELECT DISK_SPACE_USED('PUBLIC." + table + "')")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long count(Statement sql, String table) throws Exception {
        try (ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static int hitCount(HttpResponse<String> response) throws Exception {
        JsonNode page = Api.JSON.readTree(response.body());
        return page.get("hits").size();
    }
}
