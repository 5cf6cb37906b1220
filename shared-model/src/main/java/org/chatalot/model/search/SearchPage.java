package org.chatalot.model.search;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /api/search}: matches newest first. Pass {@code next_cursor} as {@code cursor} (with the same
 * query) for the next, older page; null when there are no more. {@code words} are the words searched for,
 * as the server normalised them.
 */
public record SearchPage(List<SearchHit> hits,
                         @JsonProperty("next_cursor") String nextCursor,
                         List<String> words) {
}
