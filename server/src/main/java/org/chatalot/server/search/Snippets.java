package org.chatalot.server.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.chatalot.model.search.TextRange;

/**
 * The part of a message a result shows: the whole text when short, else a window around the first matched
 * word, cut at spaces where possible, with an ellipsis where text was left out. Offsets are UTF-16 units of
 * the snippet (what JavaScript's {@code slice} takes).
 */
final class Snippets {
    static final int MAX = 240;
    private static final int BEFORE_MATCH = 60;
    private static final String ELLIPSIS = "…";

    private Snippets() {
    }

    record Snippet(String text, List<TextRange> highlights) {
    }

    static Snippet of(String content, Set<String> words) {
        List<TextRange> matches = new ArrayList<>();
        Words.scan(content, (start, end, word) -> {
            if (words.contains(word)) {
                matches.add(new TextRange(start, end));
            }
        });
        if (content.length() <= MAX) {
            return new Snippet(content, matches);
        }
        int first = matches.isEmpty() ? 0 : matches.getFirst().start();
        int from = first <= BEFORE_MATCH ? 0 : startNear(content, first - BEFORE_MATCH);
        int to = endNear(content, Math.min(content.length(), from + MAX));
        String prefix = from > 0 ? ELLIPSIS : "";
        String text = prefix + content.substring(from, to) + (to < content.length() ? ELLIPSIS : "");
        int shift = prefix.length() - from;
        List<TextRange> inside = matches.stream().filter(m -> m.start() >= from && m.end() <= to)
                .map(m -> new TextRange(m.start() + shift, m.end() + shift)).toList();
        return new Snippet(text, inside);
    }

    /** A start at the next space after {@code i} (if one is close), never inside a surrogate pair. */
    private static int startNear(String text, int i) {
        int space = text.indexOf(' ', i);
        int start = space >= 0 && space - i < 20 ? space + 1 : i;
        return Character.isLowSurrogate(text.charAt(start)) ? start + 1 : start;
    }

    /** An end at the last space before {@code i} (if one is close), never inside a surrogate pair. */
    private static int endNear(String text, int i) {
        if (i >= text.length()) {
            return text.length();
        }
        int space = text.lastIndexOf(' ', i);
        int end = space > 0 && i - space < 20 ? space : i;
        return Character.isLowSurrogate(text.charAt(end)) ? end - 1 : end;
    }
}
