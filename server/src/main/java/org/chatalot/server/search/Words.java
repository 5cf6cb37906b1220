package org.chatalot.server.search;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How text is cut into words, the same way for messages and for queries. A word is a run of letters, digits,
 * marks and '_'; it is compared without case or accents and in compatibility form (NFKC), so "Café", "CAFE"
 * and "ｃａｆｅ" are one word. Each ideograph (Chinese, Japanese kanji) is a word of its own, since those
 * scripts put no space between words. A single letter or digit is too common to be worth indexing, and a
 * word is cut to its first {@link #MAX_LENGTH} characters.
 */
final class Words {
    static final int MAX_LENGTH = 32;

    private Words() {
    }

    /** Told of each word: where it is in the text (UTF-16 offsets) and its normalised form. */
    interface Sink {
        void word(int start, int end, String word);
    }

    /** The distinct words of the text in order of first appearance, at most {@code max}. */
    static List<String> distinct(String text, int max) {
        Set<String> words = new LinkedHashSet<>();
        scan(text, (start, end, word) -> {
            if (words.size() < max) {
                words.add(word);
            }
        });
        return List.copyOf(words);
    }

    /** Whether the text holds every one of these (normalised) words. */
    static boolean hasAll(String text, Collection<String> words) {
        Set<String> missing = new HashSet<>(words);
        scan(text, (start, end, word) -> missing.remove(word));
        return missing.isEmpty();
    }

    static void scan(String text, Sink sink) {
        int i = 0;
        int length = text.length();
        while (i < length) {
            int c = text.codePointAt(i);
            if (Character.isIdeographic(c)) {
                emit(text, i, i + Character.charCount(c), sink, true);
                i += Character.charCount(c);
            } else if (isWordStart(c)) {
                int end = i + Character.charCount(c);
                while (end < length) {
                    int next = text.codePointAt(end);
                    if (Character.isIdeographic(next) || !isWordPart(next)) {
                        break;
                    }
                    end += Character.charCount(next);
                }
                emit(text, i, end, sink, false);
                i = end;
            } else {
                i += Character.charCount(c);
            }
        }
    }

    private static void emit(String text, int start, int end, Sink sink, boolean isIdeograph) {
        String word = normalise(text.substring(start, end));
        if (word.isEmpty() || !isIdeograph && word.codePointCount(0, word.length()) < 2) {
            return;
        }
        sink.word(start, end, cut(word));
    }

    static String normalise(String run) {
        String decomposed = Normalizer.normalize(run, Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(kept::appendCodePoint);
        return Normalizer.normalize(kept, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static String cut(String word) {
        if (word.length() <= MAX_LENGTH) {
            return word;
        }
        int end = Character.isHighSurrogate(word.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return word.substring(0, end);
    }

    private static boolean isWordStart(int c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isWordPart(int c) {
        int type = Character.getType(c);
        return isWordStart(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
