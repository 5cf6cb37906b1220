package org.chatalot.server.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.chatalot.server.error.RangeNotSatisfiable;

class ByteRangeTest {

    @Test
    void singleRangesOfEveryForm() {
        assertThat(ByteRange.parse("bytes=0-99", 1000)).contains(new ByteRange(0, 100));
        assertThat(ByteRange.parse("bytes=900-", 1000)).contains(new ByteRange(900, 100));
        assertThat(ByteRange.parse("bytes=-10", 1000)).contains(new ByteRange(990, 10));
        assertThat(ByteRange.parse("bytes=990-5000", 1000)).contains(new ByteRange(990, 10));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).contains(new ByteRange(0, 1000));
        assertThat(new ByteRange(2, 4).contentRange(10)).isEqualTo("bytes 2-5/10");
    }

    @Test
    void whatCannotBeParsedOrIsMultipleMeansTheWholeFile() {
        for (String header : new String[] {"bytes=0-1,5-6", "items=0-1", "bytes=abc-5", "bytes=5-2", "bytes=5",
                "bytes=1-x", "bytes=-"}) {
            assertThat(ByteRange.parse(header, 1000)).as(header).isEqualTo(Optional.empty());
        }
    }

    @Test
    void rangesWhollyPastTheEndAreNotSatisfiable() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(RangeNotSatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 1000)).isInstanceOf(RangeNotSatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=0-", 0)).isInstanceOf(RangeNotSatisfiable.class);
    }
}
