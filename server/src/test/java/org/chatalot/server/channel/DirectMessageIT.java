package org.chatalot.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.DmChannel;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.server.testing.TestServer;

class DirectMessageIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void openingADmIsIdempotentFromBothSides() {
        AuthTokens a = server.users().register("dm.a");
        AuthTokens b = server.users().register("dm.b");

        DmChannel first = server.chat().dm(a, b.user().id());
        DmChannel again = server.chat().dm(a, b.user().id());
        DmChannel fromB = server.chat().dm(b, a.user().id());

        assertThat(again.channel().id()).isEqualTo(first.channel().id()).isEqualTo(fromB.channel().id());
        assertThat(first.other().username()).isEqualTo("dm.b");
        assertThat(fromB.other().username()).isEqualTo("dm.a");
    }

    @Test
    void concurrentOpensFromBothSidesEndInOneChannel() throws Exception {
        AuthTokens a = server.users().register("race.a");
        AuthTokens b = server.users().register("race.b");
        CountDownLatch start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        List<Future<UUID>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            AuthTokens from = i % 2 == 0 ? a : b;
            UUID to = i % 2 == 0 ? b.user().id() : a.user().id();
            Callable<UUID> open = () -> {
                start.await();
                return server.chat().dm(from, to).channel().id();
            };
            results.add(pool.submit(open));
        }
        start.countDown();
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        for (Future<UUID> result : results) {
            ids.add(result.get());
        }
        pool.shutdown();

        assertThat(ids).hasSize(1);
    }

    @Test
    void outsidersCannotSeeADmAndBlockingStopsIt() throws Exception {
        AuthTokens a = server.users().register("priv.a");
        AuthTokens b = server.users().register("priv.b");
        AuthTokens c = server.users().register("priv.c");
        DmChannel dm = server.chat().dm(a, b.user().id());
        server.chat().send(a, dm.channel().id(), "just between us");

        assertThat(server.users().get(c.accessToken(), "/api/channels/" + dm.channel().id() + "/messages")
                .statusCode()).isEqualTo(404);
        assertThat(server.users().put(b.accessToken(), "/api/blocks/" + a.user().id(), "{}").statusCode())
                .isEqualTo(204);
        var refused = server.users().post(a.accessToken(), "/api/channels/" + dm.channel().id() + "/messages",
                "{\"content\":\"hello?\"}");
        var reopen = server.users().post(a.accessToken(), "/api/dms", "{\"user_id\":\"" + b.user().id() + "\"}");
        var blockerToo = server.users().post(b.accessToken(), "/api/channels/" + dm.channel().id() + "/messages",
                "{\"content\":\"go away\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(server.read(refused, ErrorBody.class).error().code()).isEqualTo("blocked");
        assertThat(reopen.statusCode()).isEqualTo(403);
        assertThat(blockerToo.statusCode()).isEqualTo(403);
        List<Object> blocked = server.json().readValue(server.users().get(b.accessToken(), "/api/blocks").body(),
                new TypeReference<>() { });
        assertThat(blocked).hasSize(1);

        server.users().delete(b.accessToken(), "/api/blocks/" + a.user().id());
        assertThat(server.chat().send(a, dm.channel().id(), "friends again").content()).isEqualTo("friends again");
    }

    @Test
    void dmsAreListedWithTheOtherPerson() throws Exception {
        AuthTokens me = server.users().register("lister");
        AuthTokens x = server.users().register("lister.x");
        AuthTokens y = server.users().register("lister.y");
        server.chat().dm(me, x.user().id());
        server.chat().dm(y, me.user().id());

        List<DmChannel> dms = server.json().readValue(server.users().get(me.accessToken(), "/api/dms").body(),
                new TypeReference<>() { });

        assertThat(dms).extracting(d -> d.other().username()).containsExactlyInAnyOrder("lister.x", "lister.y");
        assertThat(server.users().post(me.accessToken(), "/api/dms", "{\"user_id\":\"" + me.user().id() + "\"}")
                .statusCode()).isEqualTo(400);
    }
}
