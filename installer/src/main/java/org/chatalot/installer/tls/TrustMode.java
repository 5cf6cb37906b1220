package org.chatalot.installer.tls;

import java.nio.file.Path;
import java.util.Locale;

/** Whom a client believes. Each mode still checks the host name; none accepts any certificate. */
public sealed interface TrustMode {

    /** The JDK's CA list (what browsers and curl roughly agree on). */
    record SystemCas() implements TrustMode {
    }

    /** Only the CAs in a PEM file, e.g. the private CA from {@code cert local-ca}. */
    record CaFile(Path pemFile) implements TrustMode {
    }

    /** Exactly one server certificate, by the SHA-256 of its DER encoding (what the admin accepted). */
    record PinnedFingerprint(String sha256) implements TrustMode {
        public PinnedFingerprint {
            sha256 = normalize(sha256);
        }

        static String normalize(String fingerprint) {
            String hex = fingerprint.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
            if (!hex.matches("[0-9A-F]{64}")) {
                throw new IllegalArgumentException("pin: expected a SHA-256 fingerprint (64 hex digits, colons "
                        + "allowed), got \"" + fingerprint + "\"");
            }
            return hex;
        }
    }

    static TrustMode system() {
        return new SystemCas();
    }

    static TrustMode caFile(Path pemFile) {
        return new CaFile(pemFile);
    }

    static TrustMode pinned(String sha256) {
        return new PinnedFingerprint(sha256);
    }

    /** For reports: how the chain was judged. */
    default String describe() {
        return switch (this) {
            case SystemCas s -> "system CAs";
            case CaFile f -> "CA file " + f.pemFile();
            case PinnedFingerprint p -> "pinned SHA-256 " + p.sha256().substring(0, 16) + "…";
        };
    }
}
