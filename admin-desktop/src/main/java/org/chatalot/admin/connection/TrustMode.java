package org.chatalot.admin.connection;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Whom a connection believes, as a profile stores it. Each mode keeps the host-name check; none accepts any
 * certificate. The same three modes as the installer's trust layer ({@link #shared()}), which builds the trust
 * managers for the app's HTTPS client and runs the deployment doctor.
 */
public sealed interface TrustMode {

    /** The CAs the JDK trusts: right for a certificate from Let's Encrypt or any public CA. */
    record SystemCas() implements TrustMode {
    }

    /** Only the CAs in a PEM file: a private CA. */
    record CaFile(Path pemFile) implements TrustMode {
    }

    /** Exactly one server certificate, by the SHA-256 of its DER encoding, which the admin approved. */
    record Pinned(String sha256) implements TrustMode {
        public Pinned {
            sha256 = normalize(sha256);
        }
    }

    static TrustMode system() {
        return new SystemCas();
    }

    /** Upper-case hex without separators; throws when it is not a SHA-256 fingerprint. */
    static String normalize(String fingerprint) {
        String hex = fingerprint.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("expected a SHA-256 fingerprint (64 hex digits, colons allowed), got \""
                    + fingerprint + "\"");
        }
        return hex;
    }

    /** This choice in the installer's trust layer. */
    default org.chatalot.installer.tls.TrustMode shared() {
        return switch (this) {
            case SystemCas s -> org.chatalot.installer.tls.TrustMode.system();
            case CaFile f -> org.chatalot.installer.tls.TrustMode.caFile(f.pemFile());
            case Pinned p -> org.chatalot.installer.tls.TrustMode.pinned(p.sha256());
        };
    }

    default String describe() {
        return switch (this) {
            case SystemCas s -> "system CAs";
            case CaFile f -> "CA file " + f.pemFile();
            case Pinned p -> "pinned certificate " + CertificateDetails.colons(p.sha256()).substring(0, 23) + "…";
        };
    }
}
