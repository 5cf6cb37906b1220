package org.chatalot.admin.api;

import java.io.IOException;
import java.util.Optional;

import org.chatalot.admin.connection.PinChange;

/**
 * The server could not be reached or its TLS was not accepted, with the kind of failure and an explanation in
 * the admin's terms: what the health dashboard shows as the "unreachable" reason.
 */
public final class ConnectionProblem extends IOException {

    /** Why a request never got an HTTP answer. */
    public enum Kind {
        DNS("Name not found"),
        REFUSED("Connection refused"),
        TIMEOUT("Timed out"),
        TLS_UNTRUSTED("Certificate not trusted"),
        TLS_HOSTNAME("Certificate name mismatch"),
        TLS_CERT_CHANGED("Pinned certificate changed"),
        TLS("TLS error"),
        NETWORK("Network error");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final Kind kind;
    private final transient PinChange pinChange;

    public ConnectionProblem(Kind kind, String explanation, Throwable cause) {
        this(kind, explanation, cause, null);
    }

    ConnectionProblem(Kind kind, String explanation, Throwable cause, PinChange pinChange) {
        super(explanation, cause);
        this.kind = kind;
        this.pinChange = pinChange;
    }

    /** For {@link Kind#TLS_CERT_CHANGED}: the certificate now presented, for the admin to review. */
    public Optional<PinChange> pinChange() {
        return Optional.ofNullable(pinChange);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTls() {
        return kind.name().startsWith("TLS");
    }
}
