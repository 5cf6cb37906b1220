package org.chatalot.server.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void lengthCountsCharactersNotUtf16Units() {
        assertThat(Text.length("\uD83D\uDE00ab")).isEqualTo(3);
    }

    @Test
    void truncateNeverCutsACharacterInTwo() {
        String emoji = "\uD83D\uDE00";
        assertThat(Text.truncate("a" + emoji + "b", 2)).isEqualTo("a");
        assertThat(Text.truncate("a" + emoji + "b", 3)).isEqualTo("a" + emoji);
        assertThat(Text.truncate("abc", 5)).isEqualTo("abc");
        assertThat(Text.truncate(null, 5)).isNull();
    }

    @Test
    void directionCharactersAreEveryEmbeddingOverrideIsolateAndMark() {
        for (int c : new int[] {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E,
            0x200F, 0x061C}) {
            assertThat(Text.hasDirectionCharacters("a" + Character.toString(c) + "b")).as("U+%04X", c).isTrue();
        }
        assertThat(Text.hasDirectionCharacters("\uD83D\uDC69\u200D\uD83D\uDC67 שלום")).isFalse();
        assertThat(Text.hasControlOrDirectionCharacters("tab\there")).isTrue();
    }
}
