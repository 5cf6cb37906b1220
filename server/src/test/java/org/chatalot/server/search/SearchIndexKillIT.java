package org.chatalot.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.CreateChannelRequest;
import org.chatalot.model.message.EditMessageRequest;
import org.chatalot.model.message.Message;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.model.search.SearchPage;
import org.chatalot.server.http.Json;
import org.chatalot.server.testing.ServerProcess;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.testing.Poll;

/**
 * The search index commits new messages only once a minute, edits at once. The server runs as a separate JVM
 * and is killed with SIGKILL after a message was indexed (a search found it) but before a routine commit: after
 * a restart on the same data directory, search finds it again (read back from the database), and an edit made
 * before the kill never brings back the words it removed.
 */
class SearchIndexKillIT {
    private static final ObjectMapper JSON = Json.createMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void messagesIndexedButNotCommittedAreFoundAfterKillMinus9AndEditsStay() throws Exception {
        Path index = dir.resolve("data").resolve(SearchIndex.FOLDER);
        UUID edited;
        UUID uncommitted;
        try (ServerProcess server = ServerProcess.start(dir, List.of("-Xmx256m"), Map.of())) {
            URI base = server.baseUri();
            String token = server.ownerToken();
            UUID channel = call(base, token, "POST", "/api/channels",
                    new CreateChannelRequest("kept", null, null, null), Channel.class).id();
            edited = send(base, token, channel, "draft with quartz");
            call(base, token, "PATCH", "/api/messages/" + edited, new EditMessageRequest("final with onyx", null),
                    Message.class);
            assertThat(Poll.until(() -> committedHits(index, "onyx") == 1, WAIT)).as("the edit is committed at once")
                    .isTrue();
            uncommitted = send(base, token, channel, "amber lantern");
            awaitSearch(base, token, "amber", page -> !page.hits().isEmpty());

            server.killHard();
        }
        assertThat(committedHits(index, "amber")).as("indexed and searched, but a routine commit is a minute away")
                .isZero();
        assertThat(committedHits(index, "quartz")).isZero();

        try (ServerProcess restarted = ServerProcess.start(dir, List.of("-Xmx256m"), Map.of())) {
            URI base = restarted.baseUri();
            String token = call(base, null, "POST", "/api/auth/login",
                    Map.of("username", "owner", "password", TestUsers.PASSWORD), AuthTokens.class).accessToken();

            assertThat(ids(awaitSearch(base, token, "amber", page -> !page.hits().isEmpty())))
                    .containsExactly(uncommitted);
            assertThat(ids(awaitSearch(base, token, "onyx", page -> !page.hits().isEmpty()))).containsExactly(edited);
            assertThat(ids(search(base, token, "quartz"))).isEmpty();
        }
    }

    /** How many messages of the index's last commit, as a restart reads it, hold the word. */
    private static int committedHits(Path index, String word) {
        try (Directory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(SearchIndex.Fields.WORD, word)));
        } catch (IndexNotFoundException none) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UUID send(URI base, String token, UUID channel, String content) throws Exception {
        return call(base, token, "POST", "/api/channels/" + channel + "/messages",
                new SendMessageRequest(content, null, null, null), Message.class).id();
    }

    private static SearchPage awaitSearch(URI base, String token, String word, Predicate<SearchPage> done) {
        Poll.until(() -> done.test(search(base, token, word)), WAIT);
        return search(base, token, word);
    }

    private static SearchPage search(URI base, String token, String word) {
        try {
            return call(base, token, "GET", "/api/search?q=" + word, null, SearchPage.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UUID> ids(SearchPage page) {
        return page.hits().stream().map(hit -> hit.message().id()).toList();
    }

    private static <T> T call(URI base, String token, String method, String path, Object body, Class<T> type)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type",
                "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readValue(response.body(), type);
    }
}
