package org.chatalot.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.search.SearchPage;
import org.chatalot.server.testing.TestServer;

/**
 * The index is a copy the database can always rebuild: a server that finds it missing (an upgrade from a
 * version without search, a deleted folder) indexes every stored message again in the background.
 */
class SearchIndexRecoveryIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void aMissingIndexIsBuiltAgainFromTheDatabase() throws Exception {
        AuthTokens sam = server.users().register("sam.rebuild");
        Channel channel = server.chat().publicChannel(sam, "history");
        UUID oldest = server.chat().send(sam, channel.id(), "needle in the oldest message").id();
        List<UUID> items = new ArrayList<>();
        for (int i = 0; i < 2100; i++) {
            items.add(server.chat().send(sam, channel.id(), "haystack item " + i).id());
        }
        server.stop();
        Path index = server.dataDir().resolve("search");
        assertThat(index).isDirectory();
        try (Stream<Path> files = Files.walk(index)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }

        server.start();

        // Filled in oldest first: once the newest message is found, every one is.
        SearchIT.awaitSearch(server, sam, "q=haystack&limit=1", page -> !page.hits().isEmpty()
                && page.hits().getFirst().message().id().equals(items.getLast()));
        assertThat(search(sam, "q=needle").hits()).extracting(hit -> hit.message().id()).containsExactly(oldest);
        assertThat(all(sam, "haystack")).containsExactlyElementsOf(items.reversed());
    }

    @Test
    void editsAndDeletesSurviveARestart() {
        AuthTokens tia = server.users().register("tia.restart");
        Channel channel = server.chat().publicChannel(tia, "restarts");
        UUID edited = server.chat().send(tia, channel.id(), "first draft").id();
        UUID deleted = server.chat().send(tia, channel.id(), "draft to delete").id();
        SearchIT.awaitSearch(server, tia, "q=draft", page -> page.hits().size() == 2);
        server.users().expect(200, server.users().send(tia, "PATCH", "/api/messages/" + edited,
                new org.chatalot.model.message.EditMessageRequest("final words", null)),
                org.chatalot.model.message.Message.class);
        assertThat(server.users().delete(tia.accessToken(), "/api/messages/" + deleted).statusCode()).isEqualTo(204);

        server.restart();

        SearchIT.awaitSearch(server, tia, "q=final", page -> !page.hits().isEmpty());
        assertThat(search(tia, "q=draft").hits()).isEmpty();
        assertThat(search(tia, "q=final").hits()).extracting(hit -> hit.message().id()).containsExactly(edited);
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
