package org.chatalot.model.health;

import java.time.Duration;
import java.time.Instant;

/**
 * A certificate's validity, judged against its own lifetime rather than a fixed number of days: a 12-hour
 * certificate from Caddy's internal CA with 8 hours left is as healthy as a 90-day one with 60 days left.
 * The deployment doctor and the server's self-check use these same thresholds.
 *
 * @param notBefore start of validity
 * @param notAfter  end of validity
 */
public record CertificateWindow(Instant notBefore, Instant notAfter) {
    /** Under a third left, renewal is due: certbot, acme.sh and Caddy all renew at this point. */
    public static final double RENEWAL_DUE = 1.0 / 3;
    /** Under a tenth left, renewal has failed more than once: users will soon see an error. */
    public static final double CRITICAL = 0.1;

    /** Where in its life the certificate is, from healthy to expired. */
    public enum Stage {
        VALID, RENEWAL_DUE, CRITICAL, EXPIRED, NOT_YET_VALID;

        /** Whether the doctor or the self-check should fail on it (warn is {@link #RENEWAL_DUE} only). */
        public boolean isFailure() {
            return this == CRITICAL || this == EXPIRED || this == NOT_YET_VALID;
        }
    }

    public CertificateWindow {
        if (notBefore == null || notAfter == null) {
            throw new IllegalArgumentException("notBefore and notAfter are required");
        }
    }

    public Duration lifetime() {
        return Duration.between(notBefore, notAfter);
    }

    /** Time until {@code notAfter}; negative once expired. */
    public Duration left(Instant now) {
        return Duration.between(now, notAfter);
    }

    /** Share of the lifetime still ahead, from 0 (expired) to 1 (not started). */
    public double fractionLeft(Instant now) {
        long lifetime = lifetime().toMillis();
        if (lifetime <= 0) {
            return 0;
        }
        return Math.min(1.0, Math.max(0, left(now).toMillis()) / (double) lifetime);
    }

    public Stage stage(Instant now) {
        if (!now.isBefore(notAfter)) {
            return Stage.EXPIRED;
        }
        if (now.isBefore(notBefore)) {
            return Stage.NOT_YET_VALID;
        }
        double left = fractionLeft(now);
        if (left < CRITICAL) {
            return Stage.CRITICAL;
        }
        return left < RENEWAL_DUE ? Stage.RENEWAL_DUE : Stage.VALID;
    }

    /** A span as people say it: "12 days", "11 h 40 min", "25 min". */
    public static String describe(Duration span) {
        Duration value = span.abs();
        if (value.toDays() >= 2) {
            return value.toDays() + " days";
        }
        if (value.toHours() >= 1) {
            long minutes = value.toMinutesPart();
            return value.toHours() + " h" + (minutes == 0 ? "" : " " + minutes + " min");
        }
        return Math.max(value.toMinutes(), value.isZero() ? 0 : 1) + " min";
    }
}
