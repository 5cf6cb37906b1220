package org.chatalot.server.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatalot.server.testing.ErrorAssertions.assertError;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.message.Message;
import org.chatalot.model.message.MessagePage;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.server.testing.TestServer;

/**
 * Paging history both ways: a client that keeps only a window of a long channel in memory pages older
 * messages with {@code before}, newer ones with {@code after}, and opens a message in its context with
 * {@code around}. Every walk must see every message once, in order.
 */
class HistoryCursorsIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    static AuthTokens reader;
    static Channel channel;
    static List<UUID> sent = new ArrayList<>();

    @BeforeAll
    static void channelWith37Messages() {
        reader = server.users().register("pager");
        channel = server.chat().publicChannel(reader, "paging");
        IntStream.range(0, 37).forEach(i -> sent.add(server.chat().send(reader, channel.id(), "m" + i).id()));
    }

    @Test
    void walkingForwardWithAfterSeesEveryMessageOnceInOrder() {
        List<UUID> seen = new ArrayList<>();
        MessagePage page = server.chat().history(reader, channel.id(), "limit=10&after=" + sent.get(0));
        seen.add(sent.get(0));
        while (true) {
            seen.addAll(ids(page).reversed());
            if (page.nextAfter() == null) {
                break;
            }
            page = server.chat().history(reader, channel.id(), "limit=10&after=" + page.nextAfter());
        }
        assertThat(seen).containsExactlyElementsOf(sent);
        assertThat(page.nextBefore()).as("there is older history behind an after-page").isNotNull();
    }

    @Test
    void theNewestPageSaysThereIsNothingNewerAndOlderPagesSayThereIs() {
        MessagePage newest = server.chat().history(reader, channel.id(), "limit=10");
        MessagePage older = server.chat().history(reader, channel.id(), "limit=10&before=" + newest.nextBefore());

        assertThat(newest.nextAfter()).isNull();
        assertThat(older.nextAfter()).isEqualTo(older.messages().getFirst().id());
        assertThat(ids(older)).containsExactlyElementsOf(sent.subList(17, 27).reversed());
    }

    @Test
    void aroundHoldsTheMessageWithHalfBeforeAndHalfAfter() {
        MessagePage page = server.chat().history(reader, channel.id(), "limit=10&around=" + sent.get(20));

        assertThat(ids(page)).containsExactlyElementsOf(sent.subList(16, 26).reversed());
        assertThat(page.nextBefore()).isEqualTo(sent.get(16));
        assertThat(page.nextAfter()).isEqualTo(sent.get(25));
    }

    @Test
    void aroundTheFirstAndTheLastMessageStopsAtTheEnds() {
        MessagePage first = server.chat().history(reader, channel.id(), "limit=10&around=" + sent.getFirst());
        MessagePage last = server.chat().history(reader, channel.id(), "limit=10&around=" + sent.getLast());

        assertThat(ids(first)).containsExactlyElementsOf(sent.subList(0, 6).reversed());
        assertThat(first.nextBefore()).isNull();
        assertThat(ids(last)).containsExactlyElementsOf(sent.subList(32, 37).reversed());
        assertThat(last.nextAfter()).isNull();
    }

    @Test
    void afterTheNewestMessageIsAnEmptyPage() {
        MessagePage page = server.chat().history(reader, channel.id(), "after=" + sent.getLast());

        assertThat(page.messages()).isEmpty();
        assertThat(page.nextAfter()).isNull();
    }

    @Test
    void cursorsAreCheckedAndNamed() {
        assertError(server, server.users().get(reader.accessToken(), "/api/channels/" + channel.id()
                + "/messages?before=" + sent.get(3) + "&after=" + sent.get(1)), 400, "validation_failed",
                "not several");
        assertError(server, server.users().get(reader.accessToken(), "/api/channels/" + channel.id()
                + "/messages?after=yesterday"), 400, "validation_failed", "after: must be a message id");
        assertThat(server.users().get(reader.accessToken(), "/api/channels/" + channel.id()
                + "/messages?around=%20").statusCode()).as("a blank cursor is no cursor").isEqualTo(200);
    }

    @Test
    void anOutsiderCannotPageAPrivateChannelAnyWay() {
        AuthTokens outsider = server.users().register("outsider");
        Channel secret = server.chat().privateChannel(reader, "secret-paging");
        UUID message = server.chat().send(reader, secret.id(), "hidden").id();
        for (String query : List.of("after=", "before=", "around=")) {
            assertThat(server.users().get(outsider.accessToken(), "/api/channels/" + secret.id() + "/messages?"
                    + query + message).statusCode()).as(query).isEqualTo(404);
        }
    }

    @Test
    void historyCarriesTheClientIdTheSenderGaveSoItsClientCanMatchAPendingSend() {
        Channel own = server.chat().publicChannel(reader, "client-ids");
        server.chat().send(reader, own.id(), "without");
        server.users().expect(201, server.users().post(reader.accessToken(), "/api/channels/" + own.id()
                + "/messages", new SendMessageRequest("matched", null, null, null, "c-match-1")), Message.class);

        MessagePage page = server.chat().history(reader, own.id(), "limit=1");

        assertThat(page.messages().getFirst().clientId()).isEqualTo("c-match-1");
        assertThat(server.chat().history(reader, own.id(), "limit=1&before=" + page.messages().getFirst().id())
                .messages().getFirst().clientId()).as("sent without one").isNull();
    }

    private static List<UUID> ids(MessagePage page) {
        return page.messages().stream().map(Message::id).toList();
    }
}
