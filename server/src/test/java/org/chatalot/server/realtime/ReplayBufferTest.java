package org.chatalot.server.realtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReplayBufferTest {
    private final ReplayBuffer buffer = new ReplayBuffer();

    @Test
    void replaysWhatFollowsTheLastSeqInOrderAcrossTheRingsEnd() {
        for (long seq = 1; seq <= 8; seq++) {
            buffer.add(seq, body(seq), seq * 10);
        }
        // The ring is full at 8: drop three and add five, so the newest wrap round to the arrays' start and
        // the ring grows while wrapped.
        assertThat(buffer.dropOldest()).isEqualTo(1);
        assertThat(buffer.dropOldest()).isEqualTo(2);
        assertThat(buffer.dropOldest()).isEqualTo(3);
        for (long seq = 9; seq <= 13; seq++) {
            buffer.add(seq, body(seq), seq * 10);
        }

        assertThat(replayedAfter(0)).containsExactly("4", "5", "6", "7", "8", "9", "10", "11", "12", "13");
        assertThat(replayedAfter(10)).containsExactly("11", "12", "13");
        assertThat(replayedAfter(13)).isEmpty();
        assertThat(buffer.size()).isEqualTo(10);
        assertThat(buffer.oldestAt()).isEqualTo(40);
    }

    @Test
    void countsTheBytesItKeeps() {
        buffer.add(1, "{\"a\":1}".getBytes(UTF_8), 0);
        buffer.add(2, "{\"bb\":22}".getBytes(UTF_8), 0);
        assertThat(buffer.bytes()).isEqualTo(7 + 9);

        buffer.dropOldest();
        assertThat(buffer.bytes()).isEqualTo(9);
        buffer.clear();
        assertThat(buffer.bytes()).isZero();
        assertThat(buffer.size()).isZero();
    }

    @Test
    void startsAgainFromAnyNumberOnceEmpty() {
        buffer.add(5, body(5), 0);
        buffer.dropOldest();

        buffer.add(42, body(42), 0);

        assertThat(replayedAfter(0)).containsExactly("42");
    }

    @Test
    void refusesANumberThatDoesNotFollowTheNewest() {
        buffer.add(1, body(1), 0);

        assertThatThrownBy(() -> buffer.add(3, body(3), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(replayedAfter(0)).containsExactly("1");
    }

    private List<String> replayedAfter(long lastSeq) {
        List<String> seen = new ArrayList<>();
        buffer.replayAfter(lastSeq, event -> {
            assertThat(new String(event.body(), UTF_8)).isEqualTo(Long.toString(event.seq()));
            seen.add(Long.toString(event.seq()));
        });
        return seen;
    }

    private static byte[] body(long seq) {
        return Long.toString(seq).getBytes(UTF_8);
    }
}
