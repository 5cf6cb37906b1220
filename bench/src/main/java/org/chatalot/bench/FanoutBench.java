package org.chatalot.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;

/**
 * W1 fan-out: {@code members} sockets in one channel; the first {@code senders} of them send at a ladder of
 * rates; every other member receives each message. Measures deliveries per second, loss, send→deliver
 * latency (sender and receivers share this JVM's clock) and the server's CPU time per delivery.
 */
final class FanoutBench {
    private static final String MARK = "\"content\":\"b:";

    record Rung(int offeredMessagesPerSecond, int offeredDeliveriesPerSecond, long sent, long expected,
                long delivered, double deliveredPerSecond, double lossPercent, double p50Ms, double p99Ms,
                double maxMs, double serverCpuMicrosPerDelivery) {
    }

    private final int members;
    private final int senders;
    private final double rungSeconds;

    FanoutBench(int members, int senders, double rungSeconds) {
        this.members = members;
        this.senders = senders;
        this.rungSeconds = rungSeconds;
    }

    List<Rung> run(ServerProcess server, List<Integer> ladder) throws Exception {
        Api api = new Api(server.base);
        AuthTokens owner = api.registerOwner(server.setupCode());
        List<AuthTokens> everyone = new ArrayList<>(List.of(owner));
        everyone.addAll(api.registerMembers(owner, "fan", members - 1));
        Channel channel = api.channel(owner, "fanout");
        for (AuthTokens member : everyone.subList(1, everyone.size())) {
            api.join(member, channel.id());
        }
        AtomicLong currentRung = new AtomicLong(-1);
        AtomicLong delivered = new AtomicLong();
        List<Latencies> recorders = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        for (AuthTokens member : everyone) {
            Latencies latencies = new Latencies();
            recorders.add(latencies);
            sockets.add(Socket.open(client, server.base, member.accessToken(),
                    frame -> onFrame(frame, currentRung, delivered, latencies)));
        }
        List<Rung> results = new ArrayList<>();
        for (int i = 0; i < ladder.size(); i++) {
            Rung rung = rung(i, ladder.get(i), channel.id(), sockets, server, currentRung, delivered, recorders);
            results.add(rung);
            System.out.printf("  %5d msg/s offered (%6d deliveries/s): %8.0f delivered/s, loss %.2f %%, "
                            + "p50 %.2f ms, p99 %.2f ms, %.1f µs CPU/delivery%n", rung.offeredMessagesPerSecond(),
                    rung.offeredDeliveriesPerSecond(), rung.deliveredPerSecond(), rung.lossPercent(), rung.p50Ms(),
                    rung.p99Ms(), rung.serverCpuMicrosPerDelivery());
            if (rung.lossPercent() > 5 || rung.p99Ms() > 1000) {
                break;
            }
        }
        sockets.forEach(Socket::close);
        return results;
    }

    private Rung rung(int index, int rate, UUID channelId, List<Socket> sockets, ServerProcess server,
                      AtomicLong currentRung, AtomicLong delivered, List<Latencies> recorders) throws Exception {
        recorders.forEach(Latencies::clear);
        delivered.set(0);
        currentRung.set(index);
        long cpuBefore = server.cpuNanos();
        long interval = 1_000_000_000L / rate;
        long total = (long) (rate * rungSeconds);
        long start = System.nanoTime();
        String prefix = "{\"type\":\"send_message\",\"channel_id\":\"" + channelId + "\",\"content\":\"b:" + index + ":";
        for (long n = 0; n < total; n++) {
            long due = start + n * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            sockets.get((int) (n % senders)).sendRaw(prefix + System.nanoTime() + "\"}");
        }
        long expected = total * (members - 1);
        long drainUntil = System.nanoTime() + 5_000_000_000L;
        while (delivered.get() < expected && System.nanoTime() < drainUntil) {
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long got = delivered.get();
        long cpu = server.cpuNanos() - cpuBefore;
        currentRung.set(-1);
        long[] sorted = Latencies.merged(recorders);
        return new Rung(rate, rate * (members - 1), total, expected, got, got / seconds,
                100.0 * (expected - got) / expected, Latencies.percentileMillis(sorted, 50),
                Latencies.percentileMillis(sorted, 99), Latencies.percentileMillis(sorted, 100),
                got == 0 ? Double.NaN : cpu / 1000.0 / got);
    }

    /** Counts a delivery of the current rung and records its latency; ignores everything else cheaply. */
    private static void onFrame(String frame, AtomicLong currentRung, AtomicLong delivered, Latencies latencies) {
        int mark = frame.indexOf(MARK);
        if (mark < 0 || !frame.contains("\"type\":\"new_message\"")) {
            return;
        }
        long now = System.nanoTime();
        int rungStart = mark + MARK.length();
        int rungEnd = frame.indexOf(':', rungStart);
        int timeEnd = frame.indexOf('"', rungEnd + 1);
        if (Long.parseLong(frame.substring(rungStart, rungEnd)) != currentRung.get()) {
            return;
        }
        latencies.add(now - Long.parseLong(frame.substring(rungEnd + 1, timeEnd)));
        delivered.incrementAndGet();
    }
}
