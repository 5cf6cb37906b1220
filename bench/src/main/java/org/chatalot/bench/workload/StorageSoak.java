package org.chatalot.bench.workload;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import org.chatalot.bench.chatalot.Api;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.chatalot.Socket;
import org.chatalot.bench.core.Latencies;
import org.chatalot.bench.core.Machine;
import org.chatalot.model.auth.AuthTokens;

/**
 * The storage soak: {@code senders} sockets post ~100-byte messages into one channel at a steady total
 * {@code rate} for {@code seconds}, as a lively team would, while the database file in DATA_DIR is watched.
 * At the end the server is stopped and the file compacted offline ({@code SHUTDOWN COMPACT}), which gives
 * the size of the data itself: the file while running should stay within a small factor of it.
 */
public final class StorageSoak {
    private static final String ACK = "\"type\":\"message_sent\"";
    private static final String CLIENT_ID = "\"client_id\":\"";
    private static final String DATABASE_FILE = "chatalot.mv.db";
    private static final int CONTENT_CHARS = 100;
    private static final double SAMPLE_SECONDS = 5;
    /** How long the server is left idle, still running, before the file is measured again. */
    public static final int IDLE_SECONDS = 15;

    private final double rate;
    private final double seconds;
    private final int senders;

    /** One look at the file while the soak runs. */
    public record Sample(double seconds, long acknowledged, long fileBytes) {
    }

    /**
     * {@code fileBytes} at the end while still running, {@code peakFileBytes} the largest seen, {@code
     * idleFileBytes} once the running server has been idle for {@value #IDLE_SECONDS} s, {@code
     * closedFileBytes} after a clean stop, {@code compactedBytes} after an offline compaction (the data);
     * {@code ack*Ms}: send to {@code message_sent}, which is what the file's upkeep could slow down.
     */
    public record Result(double rate, double seconds, int senders, long acknowledged, long stored, long fileBytes,
                         long peakFileBytes, long idleFileBytes, long closedFileBytes, long compactedBytes,
                         double ackP50Ms,
                         double ackP99Ms, double ackMaxMs, List<Sample> samples, String load) {

        public double fileBytesPerMessage() {
            return acknowledged == 0 ? Double.NaN : (double) fileBytes / acknowledged;
        }

        public double compactedBytesPerMessage() {
            return acknowledged == 0 ? Double.NaN : (double) compactedBytes / acknowledged;
        }

        /** How many times the data the running file is, at the end of the soak. */
        public double factor() {
            return compactedBytes == 0 ? Double.NaN : (double) fileBytes / compactedBytes;
        }

        /** Growth of the file over the second half of the soak, bytes per second (0 once it is steady). */
        public double growthBytesPerSecond() {
            if (samples.size() < 2) {
                return Double.NaN;
            }
            Sample last = samples.getLast();
            Sample middle = samples.stream().filter(s -> s.seconds() >= last.seconds() / 2).findFirst()
                    .orElse(samples.getFirst());
            return last.seconds() == middle.seconds() ? Double.NaN
                    : (last.fileBytes() - middle.fileBytes()) / (last.seconds() - middle.seconds());
        }
    }

    public StorageSoak(double rate, double seconds, int senders) {
        this.rate = rate;
        this.seconds = seconds;
        this.senders = senders;
    }

    /** Runs the soak against {@code server} and stops it (the offline compaction needs the file). */
    public Result run(ServerProcess server) throws Exception {
        Api api = new Api(server.base());
        AuthTokens owner = api.registerOwner(server.setupCode());
        List<AuthTokens> users = api.registerMembers(owner, "soak", senders);
        UUID channel = api.channel(owner, "soak").id();
        for (AuthTokens user : users) {
            api.join(user, channel);
        }
        HttpClient client = HttpClient.newHttpClient();
        LongAdder acks = new LongAdder();
        long[] sentAt = new long[(int) Math.round(rate * seconds)];
        Latencies ackLatency = new Latencies();
        List<Socket> sockets = new ArrayList<>();
        for (AuthTokens user : users) {
            sockets.add(Socket.open(client, server.base(), user.accessToken(), frame -> {
                String text = frame.toString();
                if (text.contains(ACK)) {
                    long now = System.nanoTime();
                    int at = text.indexOf(CLIENT_ID);
                    if (at >= 0) {
                        int n = Integer.parseInt(text, at + CLIENT_ID.length(), text.indexOf('"',
                                at + CLIENT_ID.length()), 10);
                        ackLatency.add(now - sentAt[n]);
                    }
                    acks.increment();
                }
            }));
        }
        Path file = server.dataDir().resolve(DATABASE_FILE);
        List<Sample> samples = new ArrayList<>();
        long sent = send(sockets, channel.toString(), sentAt, acks, file, samples);
        awaitAcks(acks, sent);
        sockets.forEach(Socket::close);
        long acknowledged = acks.sum();
        long fileBytes = Files.size(file);
        samples.add(new Sample(samples.isEmpty() ? seconds : samples.getLast().seconds(), acknowledged, fileBytes));
        long stored = api.storedMessages(owner, channel, Long.MAX_VALUE);
        Thread.sleep(IDLE_SECONDS * 1000L);
        long idle = Files.size(file);
        String load = Machine.loadAverage();
        server.close();
        long closed = Files.size(file);
        long compacted = compact(server.dataDir());
        long peak = samples.stream().mapToLong(Sample::fileBytes).max().orElse(fileBytes);
        long[] latencies = Latencies.merged(List.of(ackLatency));
        Result result = new Result(rate, seconds, senders, acknowledged, stored, fileBytes, peak, idle, closed,
                compacted,
                Latencies.percentileMillis(latencies, 50), Latencies.percentileMillis(latencies, 99),
                Latencies.percentileMillis(latencies, 100), List.copyOf(samples), load);
        System.out.printf("  soak %.0f msg/s for %.0f s: %d acknowledged, %d stored; file %.1f MB running "
                        + "(%.0f B/message, %.1f× the data), %.1f MB idle, %.1f MB after stop, %.1f MB compacted "
                        + "(%.0f B/message); message_sent p50 %.1f ms, p99 %.1f ms%n", rate, seconds, acknowledged,
                stored, fileBytes / 1e6, result.fileBytesPerMessage(), result.factor(), idle / 1e6, closed / 1e6,
                compacted / 1e6,
                result.compactedBytesPerMessage(), result.ackP50Ms(), result.ackP99Ms());
        return result;
    }

    /** Paces sends evenly over the sockets (open loop) and samples the file every few seconds. */
    private long send(List<Socket> sockets, String channel, long[] sentAt, LongAdder acks, Path file,
                      List<Sample> samples) throws IOException, InterruptedException {
        String filler = "x".repeat(CONTENT_CHARS);
        long start = System.nanoTime();
        long nextSample = start;
        long sent = 0;
        long total = Math.round(rate * seconds);
        while (sent < total) {
            long now = System.nanoTime();
            if (now >= nextSample) {
                samples.add(new Sample((now - start) / 1e9, acks.sum(), Files.size(file)));
                nextSample += (long) (SAMPLE_SECONDS * 1e9);
            }
            long due = start + (long) (sent / rate * 1e9);
            if (due > now) {
                long wait = Math.min(due, nextSample) - now;
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                continue;
            }
            String head = "soak " + sent + " ";
            sentAt[(int) sent] = System.nanoTime();
            sockets.get((int) (sent % sockets.size())).sendMessage(channel, head
                    + filler.substring(Math.min(head.length(), CONTENT_CHARS)), Long.toString(sent));
            sent++;
        }
        return sent;
    }

    private static void awaitAcks(LongAdder acks, long sent) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (acks.sum() < sent && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** The size of the data: the file after H2's offline compaction of a copy. */
    private static long compact(Path dataDir) throws IOException, SQLException {
        Path copy = Files.createTempDirectory(dataDir.getParent(), "compacted-");
        Files.copy(dataDir.resolve(DATABASE_FILE), copy.resolve(DATABASE_FILE));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("chatalot"));
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
        return Files.size(copy.resolve(DATABASE_FILE));
    }
}
