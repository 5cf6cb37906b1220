package org.chatalot.bench.search;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.chatalot.bench.chatalot.Api;
import org.chatalot.model.auth.AuthTokens;

/**
 * The searches W9 times, by kind. Words are picked by frequency rank: "common" from the 20 commonest (in
 * about 15% of messages each, up to 60%), "medium" from ranks 300-3,000, "rare" from ranks 5,000-20,000.
 */
final class Queries {
    enum Kind {
        RARE("one rare word"),
        MEDIUM("one medium word"),
        COMMON("one common word"),
        COMMON_MEDIUM("common + medium word"),
        TWO_MEDIUM("two medium words"),
        THREE("three words"),
        IN_CHANNEL("common word in one channel"),
        BY_SENDER("medium word by one sender"),
        BEFORE("common word before a time"),
        NEXT_PAGE("common word, second page");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    record Timed(long nanos, int hits) {
    }

    private final Api api;
    private final Corpus corpus;
    private final SearchBench.World world;
    private final SearchResults.Load load;
    private final SplittableRandom random;

    Queries(Api api, Corpus corpus, SearchBench.World world, SearchResults.Load load, SplittableRandom random) {
        this.api = api;
        this.corpus = corpus;
        this.world = world;
        this.load = load;
        this.random = random;
    }

    Timed run(int searcher, AuthTokens who, Kind kind) throws Exception {
        String query = switch (kind) {
            case RARE -> words(rare());
            case MEDIUM -> words(medium());
            case COMMON -> words(common());
            case COMMON_MEDIUM -> words(common(), medium());
            case TWO_MEDIUM -> words(medium(), medium());
            case THREE -> words(common(), medium(), medium());
            case IN_CHANNEL -> words(common()) + "&channel_id=" + pick(world.readableBySearcher().get(searcher));
            case BY_SENDER -> words(medium()) + "&sender_id=" + world.posters().get(random.nextInt(
                    world.posters().size())).user().id();
            case BEFORE -> words(common()) + "&before=" + between(load.startedAt(), load.endedAt());
            case NEXT_PAGE -> words(common()) + "&cursor=" + firstPageCursor(who, words(common()));
        };
        long start = System.nanoTime();
        HttpResponse<String> response = api.get(who.accessToken(), "/api/search?" + query);
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search " + query + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return new Timed(nanos, SearchBench.hitCount(response));
    }

    private String firstPageCursor(AuthTokens who, String query) throws Exception {
        HttpResponse<String> first = api.get(who.accessToken(), "/api/search?" + query);
        String cursor = Api.JSON.readTree(first.body()).path("next_cursor").asText("");
        return cursor.isEmpty() ? new UUID(-1L, -1L).toString() : cursor;
    }

    private String words(String... words) {
        return "q=" + SearchBench.encode(String.join(" ", words));
    }

    private String common() {
        return corpus.word(random.nextInt(20));
    }

    private String medium() {
        return corpus.word(300 + random.nextInt(2_700));
    }

    private String rare() {
        return corpus.word(5_000 + random.nextInt(Corpus.WORDS - 5_000));
    }

    private UUID pick(List<UUID> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    private Instant between(Instant from, Instant to) {
        long span = Duration.between(from, to).toMillis();
        return from.plusMillis(span <= 0 ? 0 : random.nextLong(span));
    }
}
