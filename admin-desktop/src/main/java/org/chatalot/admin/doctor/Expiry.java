package org.chatalot.admin.doctor;

import java.time.Duration;
import java.time.Instant;

import org.chatalot.admin.connection.CertificateDetails;

/**
 * Certificate expiry relative to its lifetime (PRODUCT.md 4.1): warn under a third left, fail under a tenth or
 * three days, or expired. Relative, so a 90-day ACME certificate and a one-year certificate are judged alike.
 */
public final class Expiry {
    private Expiry() {
    }

    public static Finding judge(CertificateDetails leaf, Instant now) {
        long days = leaf.daysLeft(now);
        double lifetime = Duration.between(leaf.notBefore(), leaf.notAfter()).toMillis();
        double left = Math.max(0, Duration.between(now, leaf.notAfter()).toMillis());
        double share = lifetime <= 0 ? 0 : left / lifetime;
        String evidence = "expires " + leaf.notAfter() + " (" + days + " days left, "
                + Math.round(share * 100) + "% of its lifetime)";
        String fix = "Renew the certificate (certbot renew / acme.sh --cron) and reload the proxy.";
        if (now.isAfter(leaf.notAfter())) {
            return Finding.fail("tls.expiry", "Certificate validity", "expired on " + leaf.notAfter(), fix);
        }
        if (share < 0.10 || days < 3) {
            return Finding.fail("tls.expiry", "Certificate validity", evidence, fix);
        }
        if (share < 1.0 / 3) {
            return Finding.warn("tls.expiry", "Certificate validity", evidence, fix
                    + " Automatic renewal normally happens at this point: check that it runs.");
        }
        return Finding.pass("tls.expiry", "Certificate validity", evidence);
    }
}
