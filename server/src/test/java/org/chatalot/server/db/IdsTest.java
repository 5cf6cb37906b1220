package org.chatalot.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAreVersion7AndSortInCreationOrderEvenWithinOneMillisecond() {
        Ids ids = new Ids(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next());
        }

        assertThat(made).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made.getFirst().getMostSignificantBits() >>> 16)
                .isEqualTo(Instant.parse("2026-11-27T12:00:00Z").toEpochMilli());
    }
}
