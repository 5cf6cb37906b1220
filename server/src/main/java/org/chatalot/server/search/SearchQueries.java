package org.chatalot.server.search;

import java.util.Collection;
import java.util.UUID;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import org.chatalot.server.search.SearchIndex.Fields;

/** A search as a Lucene query: every word, one of the caller's channels, and the filters, all required. */
final class SearchQueries {
    private SearchQueries() {
    }

    static Query of(SearchQuery search, Collection<UUID> channels) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        search.words().forEach(word -> filter(query, new TermQuery(new Term(Fields.WORD, word))));
        filter(query, new TermInSetQuery(Fields.CHANNEL, channels.stream().map(id -> new BytesRef(id.toString()))
                .toList()));
        if (search.senderId() != null) {
            filter(query, new TermQuery(new Term(Fields.SENDER, search.senderId().toString())));
        }
        if (search.hasFile()) {
            filter(query, new TermQuery(new Term(Fields.FILE, "1")));
        }
        if (search.before() != null) {
            filter(query, below(search.before()));
        }
        if (search.after() != null) {
            filter(query, above(search.after()));
        }
        return query.build();
    }

    private static void filter(BooleanQuery.Builder query, Query clause) {
        query.add(clause, BooleanClause.Occur.FILTER);
    }

    /**
     * Ids strictly below {@code id}, compared as the database does. The high halves of message ids are
     * positive (a time and a counter) and the low halves share their top bits (the variant), so comparing
     * each half as a signed number orders them as unsigned ones.
     */
    private static Query below(UUID id) {
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        return either(LongPoint.newRangeQuery(Fields.HIGH, Long.MIN_VALUE, Math.addExact(high, -1)),
                both(LongPoint.newExactQuery(Fields.HIGH, high),
                        LongPoint.newRangeQuery(Fields.LOW, Long.MIN_VALUE, low == Long.MIN_VALUE ? low : low - 1),
                        low != Long.MIN_VALUE));
    }

    private static Query above(UUID id) {
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        return either(LongPoint.newRangeQuery(Fields.HIGH, Math.addExact(high, 1), Long.MAX_VALUE),
                both(LongPoint.newExactQuery(Fields.HIGH, high),
                        LongPoint.newRangeQuery(Fields.LOW, low == Long.MAX_VALUE ? low : low + 1, Long.MAX_VALUE),
                        low != Long.MAX_VALUE));
    }

    private static Query either(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.SHOULD).add(b, BooleanClause.Occur.SHOULD)
                .build();
    }

    /** {@code a} and {@code b}, or a query matching nothing when {@code possible} is false. */
    private static Query both(Query a, Query b, boolean possible) {
        if (!possible) {
            return new org.apache.lucene.search.MatchNoDocsQuery();
        }
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.FILTER).add(b, BooleanClause.Occur.FILTER)
                .build();
    }
}
