package org.chatalot.bench.workload;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chatalot.bench.chatalot.Api;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.chatalot.Socket;
import org.chatalot.bench.core.Machine;
import org.chatalot.bench.core.Marker;
import org.chatalot.bench.core.Pacing;
import org.chatalot.bench.core.Profiler;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;

/**
 * W2 latency at light load, on our server: a DM and a channel of {@code members}. A message counts only once
 * it is both stored (the sender has its {@code message_sent}, sent after the commit) and delivered; its
 * latency for each receiver is the later of the two, from the moment it was sent. At the end the channel's
 * history is read back to check that every message sent was stored.
 */
public final class LatencyBench {
    /** W1's warm-up rate: the server compiles the path measured here before the first measured message. */
    private static final int WARM_UP_RATE = 200;
    private final int members;
    private final int messages;
    private final int ratePerSecond;
    private final int warmUpMessages;

    public record Result(String scenario, int members, int messages, int ratePerSecond, long expected,
                         long complete, long stored, double p50Ms, double p99Ms, double maxMs, double ackP99Ms,
                         String load) {
    }

    public LatencyBench(int members, int messages, int ratePerSecond, int warmUpMessages) {
        this.members = members;
        this.messages = messages;
        this.ratePerSecond = ratePerSecond;
        this.warmUpMessages = warmUpMessages;
    }

    public List<Result> run(ServerProcess server) throws Exception {
        Api api = new Api(server.base());
        AuthTokens owner = api.registerOwner(server.setupCode());
        List<AuthTokens> users = new ArrayList<>(List.of(owner));
        users.addAll(api.registerMembers(owner, "lat", members - 1));
        Channel channel = api.channel(owner, "latency");
        Channel warmUp = api.channel(owner, "warm-up");
        for (AuthTokens member : users.subList(1, users.size())) {
            api.join(member, channel.id());
            api.join(member, warmUp.id());
        }
        Channel dm = api.directMessage(users.get(1), users.get(2).user().id());
        // Not measured: a young server spends its first minutes JIT-compiling the very path measured here, as W1's
        // warm-up found (with 200 warm-up messages, most of the messages over 10 ms overlapped a compilation).
        new LatencyBench(members, warmUpMessages, WARM_UP_RATE, 0).measure(server, api, "warm-up", warmUp.id(), users,
                0, new LinkedHashMap<>());
        Profiler.start(server.handle(), "latency", TailReport.SETTINGS.toArray(String[]::new));
        List<Result> results = new ArrayList<>();
        Map<String, TailReport.Sent[]> sent = new LinkedHashMap<>();
        results.add(measure(server, api, "DM", dm.id(), List.of(users.get(1), users.get(2)), 1, sent));
        results.add(measure(server, api, members + "-member channel", channel.id(), users, 2, sent));
        Profiler.stop(server.handle());
        Optional<Path> recording = Profiler.file("latency");
        if (recording.isPresent()) {
            Optional<TailReport> tails = TailReport.read(recording.get());
            tails.ifPresentOrElse(report -> sent.forEach(report::print),
                    () -> System.out.println("  W2: the recording has no message events, so no worst messages"));
        }
        return results;
    }

    private Result measure(ServerProcess server, Api api, String scenario, UUID channelId, List<AuthTokens> people,
                           int round, Map<String, TailReport.Sent[]> sent) throws Exception {
        Tracker tracker = new Tracker(round, messages, people.size());
        HttpClient client = HttpClient.newHttpClient();
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            int index = i;
            sockets.add(Socket.open(client, server.base(), people.get(i).accessToken(),
                    frame -> tracker.onFrame(index, frame)));
        }
        try {
            paceMessages(sockets.get(0), channelId.toString(), round, tracker);
            tracker.awaitAll(5_000);
        } finally {
            sockets.forEach(Socket::close);
        }
        long stored = api.storedMessages(people.get(0), channelId, messages + 100L);
        Result result = tracker.result(scenario, people.size(), ratePerSecond, stored, Machine.loadAverage());
        sent.put(scenario, tracker.perMessage());
        System.out.printf("  W2 %-20s p50 %.2f ms, p99 %.2f ms (stored and delivered: %d of %d; stored %d)%n",
                scenario, result.p50Ms(), result.p99Ms(), result.complete(), result.expected(), stored);
        System.out.printf("  W2 %-20s %s%n", "", tracker.tail());
        return result;
    }

    private void paceMessages(Socket sender, String channelId, int round, Tracker tracker) {
        long interval = 1_000_000_000L / ratePerSecond;
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            Pacing.awaitTurn(start, i, interval);
            long now = System.nanoTime();
            tracker.sent(i, now);
            sender.sendMessage(channelId, new Marker(round, i, now).text(), Tracker.clientId(round, i));
        }
    }
}
