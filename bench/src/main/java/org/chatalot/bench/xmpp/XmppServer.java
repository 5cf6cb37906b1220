package org.chatalot.bench.xmpp;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chatalot.bench.core.Launch;
import org.chatalot.bench.core.LoopbackGuard;
import org.chatalot.bench.room.FrameSink;
import org.chatalot.bench.room.RoomMember;
import org.chatalot.bench.room.RoomServer;

/** A running XMPP server as a room: members register, log in and join one MUC room over WebSocket. */
public final class XmppServer implements RoomServer {
    static final String DOMAIN = "localhost";
    static final String ROOM = "bench@conference." + DOMAIN;
    private static final String PASSWORD = "benchpass";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final URI websocket;

    private XmppServer(String name, Process process, URI websocket) {
        this.name = name;
        this.process = process;
        this.websocket = websocket;
    }

    /** Starts {@code command} pinned to the server core, waits for its port and checks it is loopback-only. */
    static XmppServer start(String name, List<String> command, Map<String, String> env, Path dir, int port,
                            String wsPath) throws IOException, InterruptedException {
        Path log = dir.resolve("stdout.log");
        ProcessBuilder builder = new ProcessBuilder(Launch.pinned(command)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            Launch.awaitPort(process, port, START_TIMEOUT, log);
            LoopbackGuard.requireLoopbackOnly(process.toHandle(), name);
            return new XmppServer(name, process, URI.create("ws://127.0.0.1:" + port + wsPath));
        } catch (IOException | RuntimeException e) {
            Launch.stop(process, Duration.ofSeconds(5));
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public List<RoomMember> join(int members, FrameSink sink) throws IOException, InterruptedException {
        List<RoomMember> joined = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            int index = i;
            XmppClient xmpp = XmppClient.login(websocket, DOMAIN, "m" + i, PASSWORD);
            xmpp.joinRoom(ROOM, "m" + i);
            xmpp.measure(frame -> {
                if (Stanzas.isGroupchat(frame)) {
                    sink.frame(index, frame);
                }
            });
            joined.add(RoomMember.of(text -> xmpp.send(Stanzas.groupchat(ROOM, text)), xmpp::close));
        }
        return joined;
    }

    @Override
    public void close() {
        Launch.stop(process, Duration.ofSeconds(10));
    }
}
