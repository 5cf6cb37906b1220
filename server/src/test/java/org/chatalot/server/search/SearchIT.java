package org.chatalot.server.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatalot.server.testing.ErrorAssertions.assertError;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.file.FileInfo;
import org.chatalot.model.message.EditMessageRequest;
import org.chatalot.model.message.Message;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.model.search.SearchHit;
import org.chatalot.model.search.SearchPage;
import org.chatalot.model.search.TextRange;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.Searches;
import org.chatalot.server.testing.TestServer;

class SearchIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void findsMatchesInEveryChannelTheCallerReadsNewestFirst() {
        AuthTokens ann = server.users().register("ann");
        AuthTokens ben = server.users().register("ben");
        Channel open = server.chat().publicChannel(ben, "open-talk");
        server.chat().join(ann, open.id());
        Channel closed = server.chat().privateChannel(ben, "closed-talk");
        server.chat().add(ben, closed.id(), ann.user().id());
        Channel archived = server.chat().publicChannel(ann, "old-talk");
        UUID dm = server.chat().dm(ben, ann.user().id()).channel().id();

        Message inArchived = server.chat().send(ann, archived.id(), "Kiwifruit season was early");
        server.users().expect(200, server.users().post(ann.accessToken(), "/api/channels/" + archived.id()
                + "/archive", "{}"), Channel.class);
        Message inOpen = server.chat().send(ben, open.id(), "Who brought the KIWIFRUIT?");
        Message inClosed = server.chat().send(ben, closed.id(), "kiwifruit budget approved");
        Message inDm = server.chat().send(ben, dm, "Psst: kiwifruit");
        server.chat().send(ben, open.id(), "nothing to see");

        SearchPage page = awaitSearch(ann, "q=kiwifruit", p -> p.hits().size() == 4);

        assertThat(page.hits()).extracting(hit -> hit.message().id())
                .containsExactly(inDm.id(), inClosed.id(), inOpen.id(), inArchived.id());
        assertThat(page.hits()).extracting(SearchHit::channelId)
                .containsExactly(dm, closed.id(), open.id(), archived.id());
        assertThat(page.nextCursor()).isNull();
        SearchHit hit = page.hits().get(2);
        assertThat(hit.snippet()).isEqualTo("Who brought the KIWIFRUIT?");
        assertThat(hit.highlights()).containsExactly(new TextRange(16, 25));
    }

    @Test
    void wordsMatchWholeInAnyOrderWithoutCaseOrAccents() {
        AuthTokens cat = server.users().register("cat");
        Channel channel = server.chat().publicChannel(cat, "words");
        Message both = server.chat().send(cat, channel.id(), "Le Café ouvre à 9h, dit Zoë");
        server.chat().send(cat, channel.id(), "Le café est fermé");
        Message other = server.chat().send(cat, channel.id(), "cafeteria zoe");

        awaitSearch(cat, "q=cafeteria", p -> ids(p).contains(other.id()));
        assertThat(ids(search(cat, "q=" + enc("ZOE cafe") + "&channel_id=" + channel.id()))).containsExactly(both.id());
        SearchPage page = search(cat, "q=" + enc("zoë") + "&channel_id=" + channel.id());
        assertThat(page.words()).containsExactly("zoe");
        assertThat(ids(page)).containsExactly(other.id(), both.id());
        SearchHit hit = page.hits().getLast();
        TextRange range = hit.highlights().getFirst();
        assertThat(hit.snippet().substring(range.start(), range.end())).isEqualTo("Zoë");
    }

    @Test
    void neverFindsMessagesOfChannelsTheCallerIsNotInWhateverTheFilter() throws Exception {
        AuthTokens eve = server.users().register("eve");
        AuthTokens bob = server.users().register("bob");
        AuthTokens carol = server.users().register("carol");
        Channel bobsPrivate = server.chat().privateChannel(bob, "bob-private");
        Channel publicNotJoined = server.chat().publicChannel(bob, "bob-public");
        Channel left = server.chat().publicChannel(bob, "eve-left");
        server.chat().join(eve, left.id());
        UUID othersDm = server.chat().dm(bob, carol.user().id()).channel().id();
        Instant start = Instant.now().minusSeconds(60);
        FileInfo file = new FileClient(server).uploaded(bob.accessToken(), "plan.txt",
                "plan".getBytes(StandardCharsets.UTF_8));
        List<UUID> secret = new ArrayList<>();
        secret.add(send(bob, bobsPrivate.id(), "zanzibar plan", List.of(file.id())).id());
        secret.add(server.chat().send(bob, publicNotJoined.id(), "zanzibar public").id());
        secret.add(server.chat().send(bob, othersDm, "zanzibar between us").id());
        secret.add(server.chat().send(bob, left.id(), "zanzibar before eve left").id());
        assertThat(server.users().post(eve.accessToken(), "/api/channels/" + left.id() + "/leave", "{}")
                .statusCode()).isEqualTo(204);
        Channel evesOwn = server.chat().publicChannel(eve, "eve-own");
        server.chat().send(eve, evesOwn.id(), "unrelated");

        awaitSearch(eve, "q=unrelated", p -> p.hits().size() == 1);
        assertThat(ids(awaitSearch(bob, "q=zanzibar", p -> p.hits().size() == 4)))
                .as("bob reads all but the channel he is in").containsExactlyInAnyOrderElementsOf(secret);
        List<String> filters = List.of("", "&sender_id=" + bob.user().id(), "&has_file=true",
                "&after=" + start, "&before=" + Instant.now().plusSeconds(60), "&after=" + secret.getFirst(),
                "&before=" + secret.getLast(), "&cursor=" + new UUID(-1L, -1L), "&limit=50",
                "&channel_id=" + evesOwn.id());
        for (String filter : filters) {
            assertThat(search(eve, "q=zanzibar" + filter).hits()).as("filter %s", filter).isEmpty();
        }
        assertThat(ids(search(carol, "q=zanzibar"))).containsExactly(secret.get(2));
        assertError(server, get(eve, "q=zanzibar&channel_id=" + bobsPrivate.id()), 404, "not_found", "no such channel");
        assertError(server, get(eve, "q=zanzibar&channel_id=" + othersDm), 404, "not_found", "no such channel");
        assertError(server, get(eve, "q=zanzibar&channel_id=" + publicNotJoined.id()), 403, "not_member", "join");
        assertError(server, get(eve, "q=zanzibar&channel_id=" + left.id()), 403, "not_member", "join");
    }

    @Test
    void deletedMessagesNeverMatchAndEditsReplaceTheWords() {
        AuthTokens dan = server.users().register("dan");
        Channel channel = server.chat().publicChannel(dan, "edits");
        Message message = server.chat().send(dan, channel.id(), "meet at the lighthouse");
        Message gone = server.chat().send(dan, channel.id(), "lighthouse keys are lost");
        awaitSearch(dan, "q=lighthouse", p -> p.hits().size() == 2);

        server.users().expect(200, server.users().send(dan, "PATCH", "/api/messages/" + message.id(),
                new EditMessageRequest("meet at the harbour", null)), Message.class);
        assertThat(server.users().delete(dan.accessToken(), "/api/messages/" + gone.id()).statusCode())
                .isEqualTo(204);

        Message marker = server.chat().send(dan, channel.id(), "danmarker");
        awaitSearch(dan, "q=danmarker", p -> ids(p).contains(marker.id()));
        assertThat(search(dan, "q=lighthouse").hits()).isEmpty();
        assertThat(ids(search(dan, "q=harbour"))).containsExactly(message.id());
        assertThat(search(dan, "q=keys").hits()).isEmpty();
    }

    @Test
    void encryptedMessagesAreNeverIndexed() {
        AuthTokens fay = server.users().register("fay");
        Channel channel = server.chat().publicChannel(fay, "sealed");
        server.users().expect(201, server.users().post(fay.accessToken(), "/api/channels/" + channel.id()
                + "/messages", new SendMessageRequest("ciphertextword", "olm.v1", null, null)), Message.class);
        Message plain = server.chat().send(fay, channel.id(), "ciphertextword in the clear");
        Message sealedLater = server.chat().send(fay, channel.id(), "sealedlater");
        server.users().expect(200, server.users().send(fay, "PATCH", "/api/messages/" + sealedLater.id(),
                new EditMessageRequest("sealedlater", "olm.v1")), Message.class);

        Message marker = server.chat().send(fay, channel.id(), "lastmarker");
        awaitSearch(fay, "q=lastmarker", p -> ids(p).contains(marker.id()));
        assertThat(ids(search(fay, "q=ciphertextword"))).containsExactly(plain.id());
        assertThat(search(fay, "q=sealedlater").hits()).isEmpty();
    }

    @Test
    void filtersBySenderTimeAndFile() {
        AuthTokens gus = server.users().register("gus");
        AuthTokens hal = server.users().register("hal");
        Channel channel = server.chat().publicChannel(gus, "filters");
        server.chat().join(hal, channel.id());
        Message first = server.chat().send(gus, channel.id(), "quokka one");
        Message second = server.chat().send(hal, channel.id(), "quokka two");
        FileInfo file = new FileClient(server).uploaded(gus.accessToken(), "q.txt", "q".getBytes());
        Message third = send(gus, channel.id(), "quokka three", List.of(file.id()));

        awaitSearch(gus, "q=quokka", p -> p.hits().size() == 3);
        assertThat(ids(search(gus, "q=quokka&sender_id=" + hal.user().id()))).containsExactly(second.id());
        assertThat(ids(search(gus, "q=quokka&has_file=true"))).containsExactly(third.id());
        assertThat(ids(search(gus, "q=quokka&before=" + third.id() + "&after=" + first.id())))
                .containsExactly(second.id());
        assertThat(ids(search(gus, "q=quokka&after=" + second.createdAt()))).contains(third.id())
                .doesNotContain(first.id());
        assertThat(ids(search(gus, "q=quokka&before=" + second.createdAt()))).containsExactly(first.id());

        assertThat(server.users().delete(gus.accessToken(), "/api/files/" + file.id()).statusCode()).isEqualTo(204);
        assertThat(ids(search(gus, "q=quokka&has_file=true"))).as("its only file deleted").isEmpty();
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatsOrGaps() {
        AuthTokens ida = server.users().register("ida");
        List<Channel> channels = List.of(server.chat().publicChannel(ida, "p1"), server.chat().publicChannel(ida,
                "p2"), server.chat().privateChannel(ida, "p3"));
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sent.add(server.chat().send(ida, channels.get(i % 3).id(), "wombat number " + i).id());
        }

        awaitSearch(ida, "q=wombat&limit=50", p -> p.hits().size() == 25);
        List<UUID> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            SearchPage page = search(ida, "q=wombat&limit=10" + cursor);
            seen.addAll(ids(page));
            cursor = page.nextCursor() == null ? null : "&cursor=" + page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(sent.reversed());
    }

    @Test
    void badQueriesNameTheField() {
        AuthTokens jo = server.users().register("jon");
        assertError(server, get(jo, ""), 400, "validation_failed", "q");
        assertError(server, get(jo, "q=" + enc("a ! ?")), 400, "validation_failed", "q");
        assertError(server, get(jo, "q=" + enc("one two three four five six seven eight nine")), 400,
                "validation_failed", "q");
        assertError(server, get(jo, "q=word&limit=0"), 400, "validation_failed", "limit");
        assertError(server, get(jo, "q=word&limit=51"), 400, "validation_failed", "limit");
        assertError(server, get(jo, "q=word&cursor=nope"), 400, "validation_failed", "cursor");
        assertError(server, get(jo, "q=word&before=yesterday"), 400, "validation_failed", "before");
        assertError(server, get(jo, "q=word&sender_id=42"), 400, "validation_failed", "sender_id");
        assertError(server, get(jo, "q=word&has_file=maybe"), 400, "validation_failed", "has_file");
        assertThat(server.get("/api/search?q=word").statusCode()).isEqualTo(401);
    }

    private static Message send(AuthTokens from, UUID channelId, String content, List<UUID> files) {
        return server.users().expect(201, server.users().post(from.accessToken(), "/api/channels/" + channelId
                + "/messages", new SendMessageRequest(content, null, null, files)), Message.class);
    }

    static SearchPage awaitSearch(AuthTokens who, String query, Predicate<SearchPage> until) {
        return awaitSearch(server, who, query, until);
    }

    static SearchPage awaitSearch(TestServer on, AuthTokens who, String query, Predicate<SearchPage> until) {
        return Searches.await(on, who, query, until);
    }

    private static SearchPage search(AuthTokens who, String query) {
        return server.users().expect(200, get(who, query), SearchPage.class);
    }

    private static java.net.http.HttpResponse<String> get(AuthTokens who, String query) {
        return server.users().get(who.accessToken(), "/api/search?" + query);
    }

    private static List<UUID> ids(SearchPage page) {
        return page.hits().stream().map(hit -> hit.message().id()).toList();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
