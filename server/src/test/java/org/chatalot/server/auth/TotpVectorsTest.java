package org.chatalot.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B test vectors (SHA-1), and the window and format rules. */
class TotpVectorsTest {
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"59,94287082", "1111111109,07081804", "1111111111,14050471", "1234567890,89005924",
        "2000000000,69279037", "20000000000,65353130"})
    void matchesTheRfcVectors(long seconds, String expected) {
        assertThat(Totp.code(SECRET, Totp.step(Instant.ofEpochSecond(seconds)), 8)).isEqualTo(expected);
    }

    @Test
    void acceptsOneStepEitherSideAndNothingFurther() {
        Instant now = Instant.ofEpochSecond(1_111_111_111L);
        long step = Totp.step(now);

        assertThat(Totp.match(SECRET, Totp.code(SECRET, step - 1, 6), now)).hasValue(step - 1);
        assertThat(Totp.match(SECRET, Totp.code(SECRET, step + 1, 6), now)).hasValue(step + 1);
        assertThat(Totp.match(SECRET, Totp.code(SECRET, step + 2, 6), now)).isEmpty();
        assertThat(Totp.match(SECRET, "12345", now)).isEmpty();
        assertThat(Totp.match(SECRET, "abcdef", now)).isEmpty();
    }

    @Test
    void base32MatchesRfc4648() {
        assertThat(Secrets.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(TwoFactorIT.Base32.decode("MZXW6YTBOI")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }
}
