package org.chatalot.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.BackupInfo;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.message.EditMessageRequest;
import org.chatalot.model.message.Message;
import org.chatalot.model.search.SearchPage;
import org.chatalot.server.cli.AdminCli;
import org.chatalot.server.testing.TestServer;

/**
 * The index is a copy the database can always rebuild: a server that finds it missing (an upgrade from a
 * version without search, a deleted folder), unreadable, or describing another database (a restored backup)
 * indexes every stored message again in the background.
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
                new EditMessageRequest("final words", null)), Message.class);
        assertThat(server.users().delete(tia.accessToken(), "/api/messages/" + deleted).statusCode()).isEqualTo(204);

        server.restart();

        SearchIT.awaitSearch(server, tia, "q=final", page -> !page.hits().isEmpty());
        assertThat(search(tia, "q=draft").hits()).isEmpty();
        assertThat(search(tia, "q=final").hits()).extracting(hit -> hit.message().id()).containsExactly(edited);
    }

    @Test
    void aCorruptIndexIsBuiltAgainFromTheDatabase() throws Exception {
        AuthTokens uma = server.users().register("uma.corrupt");
        Channel channel = server.chat().publicChannel(uma, "corruption");
        UUID kept = server.chat().send(uma, channel.id(), "quartz survives a damaged index").id();
        SearchIT.awaitSearch(server, uma, "q=quartz", page -> !page.hits().isEmpty());
        server.stop();
        try (Stream<Path> files = Files.list(server.dataDir().resolve("search"))) {
            for (Path file : files.toList()) {
                Files.write(file, "not an index".getBytes(StandardCharsets.UTF_8));
            }
        }

        server.start();

        assertThat(SearchIT.awaitSearch(server, uma, "q=quartz", page -> !page.hits().isEmpty()).hits())
                .extracting(hit -> hit.message().id()).containsExactly(kept);
    }

    @Test
    void aRestoredBackupIsSearchedAsItWasNotAsTheIndexLastSawIt() throws Exception {
        String owner = server.users().owner().accessToken();
        AuthTokens vic = server.users().register("vic.restore");
        Channel channel = server.chat().publicChannel(vic, "restored");
        UUID message = server.chat().send(vic, channel.id(), "garnet before the backup").id();
        SearchIT.awaitSearch(server, vic, "q=garnet", page -> !page.hits().isEmpty());
        BackupInfo backup = server.users().expect(201, server.users().post(owner, "/api/admin/backups", "{}"),
                BackupInfo.class);
        server.users().expect(200, server.users().send(vic, "PATCH", "/api/messages/" + message,
                new EditMessageRequest("opal after the backup", null)), Message.class);
        server.chat().send(vic, channel.id(), "jasper after the backup");
        SearchIT.awaitSearch(server, vic, "q=jasper", page -> !page.hits().isEmpty());
        server.stop();
        Path archive = Files.copy(server.dataDir().resolve("backups").resolve(backup.name()),
                server.dataDir().resolve("restore-" + backup.name()), StandardCopyOption.REPLACE_EXISTING);

        assertThat(restore(archive)).isZero();
        server.start();

        assertThat(SearchIT.awaitSearch(server, vic, "q=garnet", page -> !page.hits().isEmpty()).hits())
                .extracting(hit -> hit.message().id()).containsExactly(message);
        assertThat(search(vic, "q=opal").hits()).isEmpty();
        assertThat(search(vic, "q=jasper").hits()).isEmpty();
        try (Stream<Path> entries = Files.list(server.dataDir())) {
            assertThat(entries.filter(p -> p.getFileName().toString().startsWith("pre-restore-"))
                    .map(p -> p.resolve("search"))).as("the old index was moved aside").anyMatch(Files::isDirectory);
        }
    }

    private static int restore(Path archive) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out, true);
        int exit = AdminCli.run(Map.of("DATA_DIR", server.dataDir().toString(), "LOCAL_ADMIN_ADDR", "off"),
                new String[] {"restore", archive.toString()}, new BufferedReader(new StringReader("")), writer,
                writer);
        System.out.println(out);
        return exit;
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
