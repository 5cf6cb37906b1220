package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

/**
 * {@code authenticated} is the first frame a new socket gets, whatever else is going on: presence changes go
 * to every session, so a session other threads can find before its {@code authenticated} was queued could get
 * someone's {@code presence_update} first (seen in LargeFramesIT under load), and a client learns its session
 * and the protocol's version from that first frame.
 */
class AuthenticatedFirstIT {
    private static final int SOCKETS = 150;
    private static final int FLAPPING_PEERS = 4;

    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void authenticatedComesFirstWhilePresenceChangesAllAround() throws Exception {
        AuthTokens reader = server.users().register("af.reader");
        List<AuthTokens> peers = new ArrayList<>();
        for (int i = 0; i < FLAPPING_PEERS; i++) {
            peers.add(server.users().register("af.peer" + i));
        }
        AtomicBoolean flapping = new AtomicBoolean(true);
        List<String> firstFrames = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> flaps = new ArrayList<>();
            for (AuthTokens peer : peers) {
                // each socket that opens and closes turns the peer online, then offline: a broadcast each time
                flaps.add(pool.submit(() -> {
                    int count = 0;
                    while (flapping.get()) {
                        try (WsClient socket = WsClient.authenticated(server, peer.accessToken())) {
                            count++;
                        }
                    }
                    return count;
                }));
            }
            for (int i = 0; i < SOCKETS; i++) {
                try (WsClient socket = WsClient.connect(server)) {
                    socket.send(new ClientMessage.Authenticate(reader.accessToken()));
                    socket.await("authenticated");
                    JsonNode first = socket.seen().getFirst();
                    firstFrames.add(first.path("type").asText());
                }
            }
            flapping.set(false);
            int broadcasts = 0;
            for (Future<Integer> flap : flaps) {
                broadcasts += flap.get();
            }
            assertThat(broadcasts).as("peers went online and offline meanwhile").isGreaterThan(SOCKETS);
        }
        assertThat(firstFrames).as("the first frame of each new socket").hasSize(SOCKETS)
                .containsOnly("authenticated");
    }
}
