package org.chatalot.bench.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Made-up chat text with the shape of a real language: a vocabulary of {@link #WORDS} pronounceable words
 * used with Zipf's law (the word of rank r about 1/r^1.07 as often as the commonest, as in English), messages
 * of 1 to 40 words (about 9 on average). Deterministic for a seed, so every run searches the same data set.
 */
final class Corpus {
    static final int WORDS = 20_000;
    private static final double ZIPF = 1.07;
    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s",
        "t", "v", "w", "z", "br", "ch", "cl", "dr", "fl", "gr", "pl", "sh", "st", "th", "tr"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "io", "ou"};

    private final List<String> vocabulary = new ArrayList<>(WORDS);
    private final double[] cumulative = new double[WORDS];

    Corpus(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (vocabulary.size() < WORDS) {
            // Common words are short, rare ones long, as in real languages.
            int syllables = 1 + Math.min(3, vocabulary.size() / 400 + random.nextInt(2));
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < syllables; i++) {
                word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            }
            if (word.length() >= 2 && seen.add(word.toString())) {
                vocabulary.add(word.toString());
            }
        }
        double sum = 0;
        for (int rank = 0; rank < WORDS; rank++) {
            sum += 1 / Math.pow(rank + 1, ZIPF);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < WORDS; rank++) {
            cumulative[rank] /= sum;
        }
    }

    /** The word of this frequency rank (0 is the commonest). */
    String word(int rank) {
        return vocabulary.get(rank);
    }

    String message(SplittableRandom random) {
        int length = 1 + (int) Math.min(39, -Math.log(1 - random.nextDouble()) * 8);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(word(rank(random.nextDouble())));
        }
        return text.toString();
    }

    private int rank(double u) {
        int low = 0;
        int high = WORDS - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
