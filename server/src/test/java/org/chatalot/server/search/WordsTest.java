package org.chatalot.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Messages and queries are cut into words the same way, so what a search asks for is what the index holds. */
class WordsTest {

    @Test
    void caseAccentsAndWidthAreIgnoredAndSingleLettersAreNotWords() {
        assertThat(Words.distinct("Café CAFE ｃａｆｅ a 7 déjà-vu", 10)).containsExactly("cafe", "deja", "vu");
    }

    @Test
    void eachIdeographIsAWordOfItsOwn() {
        assertThat(Words.distinct("東京タワー", 10)).containsExactly("東", "京", "タワー");
    }

    @Test
    void longWordsAreCutAndAMessageGivesAtMostTheLimit() {
        String longWord = "x".repeat(50);
        assertThat(Words.distinct(longWord + " bb cc dd", 3)).containsExactly("x".repeat(Words.MAX_LENGTH), "bb",
                "cc");
    }

    @Test
    void hasAllIsTrueOnlyWhenEveryQueryWordIsInTheText() {
        List<String> query = Words.distinct("Deploy FRIDAY", 8);
        assertThat(Words.hasAll("we deploy on Friday, as usual", query)).isTrue();
        assertThat(Words.hasAll("we deploy on Monday", query)).isFalse();
        assertThat(Words.hasAll("deployment on friday", query)).as("whole words only").isFalse();
    }
}
