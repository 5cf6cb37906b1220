package org.chatalot.server.testing;

import java.time.Instant;
import java.util.function.Predicate;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.search.SearchPage;

/** Searches through the real API, and waits for the index to show a change. */
public final class Searches {
    private Searches() {
    }

    /**
     * The first page that satisfies {@code until}, or the last one read after 20 s: the index takes a moment
     * to show a change, and shows changes in the order they were made, so once the last one shows, every
     * earlier one does too.
     */
    public static SearchPage await(TestServer on, AuthTokens who, String query, Predicate<SearchPage> until) {
        Instant deadline = Instant.now().plusSeconds(20);
        SearchPage page = search(on, who, query);
        while (!until.test(page) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            page = search(on, who, query);
        }
        return page;
    }

    public static SearchPage search(TestServer on, AuthTokens who, String query) {
        return on.users().expect(200, on.users().get(who.accessToken(), "/api/search?" + query), SearchPage.class);
    }
}
