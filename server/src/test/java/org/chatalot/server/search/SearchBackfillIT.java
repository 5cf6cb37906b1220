package org.chatalot.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.search.SearchPage;
import org.chatalot.server.testing.TestServer;

/** A server upgraded with history already stored indexes it in the background, newest first, across restarts. */
class SearchBackfillIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void messagesStoredBeforeTheIndexBecomeSearchableAfterTheUpgrade() throws Exception {
        AuthTokens sam = server.users().register("sam.backfill");
        Channel channel = server.chat().publicChannel(sam, "history");
        UUID oldest = server.chat().send(sam, channel.id(), "needle in the oldest message").id();
        List<UUID> items = new ArrayList<>();
        int count = SearchBackfill.BATCH * 2 + 100;
        for (int i = 0; i < count; i++) {
            items.add(server.chat().send(sam, channel.id(), "haystack item " + i).id());
        }
        String url = server.server().config().storage().databaseUrl();
        server.stop();
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            // As the database was before the index: no words, and the migration's mark at the newest message.
            sql.execute("DELETE FROM search_word");
            sql.execute("INSERT INTO search_backfill (up_to) SELECT MAX(id) FROM message");
        }

        server.start();

        awaitHit(sam, "needle", Duration.ofSeconds(60));
        assertThat(all(sam, "haystack")).containsExactlyElementsOf(items.reversed());
        assertThat(search(sam, "q=needle").hits()).extracting(hit -> hit.message().id()).containsExactly(oldest);
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement();
             ResultSet left = sql.executeQuery("SELECT COUNT(*) FROM search_backfill")) {
            left.next();
            assertThat(left.getInt(1)).as("the mark is gone once done").isZero();
        }
    }

    private static void awaitHit(AuthTokens who, String word, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (search(who, "q=" + word).hits().isEmpty()) {
            assertThat(Instant.now()).as("indexed within %s", timeout).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static List<UUID> all(AuthTokens who, String word) {
        List<UUID> ids = new ArrayList<>();
        String cursor = "";
        while (cursor != null) {
            SearchPage page = search(who, "q=" + word + "&limit=50" + cursor);
            page.hits().forEach(hit -> ids.add(hit.message().id()));
            cursor = page.nextCursor() == null ? null : "&cursor=" + page.nextCursor();
        }
        return ids;
    }

    private static SearchPage search(AuthTokens who, String query) {
        return server.users().expect(200, server.users().get(who.accessToken(), "/api/search?" + query),
                SearchPage.class);
    }
}
