package org.chatalot.bench.ceiling;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chatalot.bench.core.Launch;
import org.chatalot.bench.core.LoopbackGuard;
import org.chatalot.bench.room.FrameSink;
import org.chatalot.bench.room.FrameSocket;
import org.chatalot.bench.room.RoomMember;
import org.chatalot.bench.room.RoomServer;

/** The ceiling server in its own process, pinned like ours, as a room: every socket is a member. */
public final class CeilingProcess implements RoomServer {
    public static final String NAME = "Helidon ceiling";
    private static final Pattern LISTENING = Pattern.compile("ceiling listening on (\\d+)");

    private final Process process;
    private final int port;

    private CeilingProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code java [jvmOptions] -cp CLASSPATH CeilingServer 0}, with the classpath of this JVM. */
    public static CeilingProcess start(Path workDir, List<String> jvmOptions) throws IOException,
            InterruptedException {
        Process process = new ProcessBuilder(Launch.pinned(command(jvmOptions, 0))).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("ceiling.log").toFile()).start();
        try {
            int port = awaitPort(process, workDir.resolve("ceiling.log"));
            LoopbackGuard.requireLoopbackOnly(process.toHandle(), "the ceiling server");
            return new CeilingProcess(process, port);
        } catch (IOException | RuntimeException e) {
            Launch.stop(process, Duration.ofSeconds(5));
            throw e;
        }
    }

    /** The command line that runs the ceiling on {@code port} (0: any free one). */
    public static List<String> command(List<String> jvmOptions, int port) {
        List<String> command = new ArrayList<>(List.of(Launch.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CeilingServer.class.getName(),
                Integer.toString(port)));
        return command;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public List<RoomMember> join(int members, FrameSink sink) {
        List<RoomMember> joined = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            int index = i;
            FrameSocket socket = FrameSocket.open(URI.create("ws://127.0.0.1:" + port + "/ws"), null,
                    frame -> sink.frame(index, frame));
            joined.add(RoomMember.of(socket::send, socket::close));
        }
        return joined;
    }

    @Override
    public void close() {
        Launch.stop(process, Duration.ofSeconds(10));
    }

    private static int awaitPort(Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (listening.find()) {
                return Integer.parseInt(listening.group(1));
            }
            if (!process.isAlive()) {
                throw new IOException("ceiling server exited: " + Launch.tail(log));
            }
            Thread.sleep(20);
        }
        throw new IOException("ceiling server did not start: " + Launch.tail(log));
    }
}
