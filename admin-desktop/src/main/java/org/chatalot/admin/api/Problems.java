package org.chatalot.admin.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathValidatorException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.admin.connection.PinChange;
import org.chatalot.installer.tls.PinMismatchException;

/**
 * Turns the JDK's network exceptions (which often carry no message at all) into a {@link ConnectionProblem}
 * that says what went wrong and what to do about it.
 */
public final class Problems {

    private Problems() {
    }

    public static ConnectionProblem classify(IOException error, URI url) {
        if (error instanceof ConnectionProblem problem) {
            return problem;
        }
        String host = url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
        Optional<PinMismatchException> pin = cause(error, PinMismatchException.class);
        if (pin.isPresent()) {
            PinChange change = PinChange.of(pin.get());
            return new ConnectionProblem(ConnectionProblem.Kind.TLS_CERT_CHANGED, pinMessage(change), error, change);
        }
        if (has(error, UnresolvedAddressException.class) || has(error, UnknownHostException.class)) {
            return new ConnectionProblem(ConnectionProblem.Kind.DNS, "The name " + url.getHost()
                    + " does not resolve (DNS). Check the server URL and this computer's DNS.", error);
        }
        if (error instanceof HttpTimeoutException || has(error, SocketTimeoutException.class)) {
            return new ConnectionProblem(ConnectionProblem.Kind.TIMEOUT, host
                    + " did not answer in time. The server or its proxy may be overloaded or firewalled.", error);
        }
        if (has(error, SSLException.class)) {
            return tls(error, host);
        }
        if (error instanceof ConnectException || has(error, ConnectException.class)
                || has(error, NoRouteToHostException.class)) {
            return new ConnectionProblem(ConnectionProblem.Kind.REFUSED, host
                    + " refused the connection: nothing listens there, or a firewall rejects it.", error);
        }
        return new ConnectionProblem(ConnectionProblem.Kind.NETWORK, "Talking to " + host + " failed: "
                + deepestMessage(error), error);
    }

    private static ConnectionProblem tls(IOException error, String host) {
        String detail = deepestMessage(error);
        String lower = detail.toLowerCase(Locale.ROOT);
        if (has(error, CertPathValidatorException.class) || lower.contains("pkix")
                || lower.contains("unable to find valid certification path")) {
            return new ConnectionProblem(ConnectionProblem.Kind.TLS_UNTRUSTED, "The certificate of " + host
                    + " is not signed by a CA this profile trusts (" + detail + "). For a private CA choose its CA"
                    + " file; for a self-signed certificate view it and pin it.", error);
        }
        // the JDK's wording for CA-checked chains; the installer's pin check says "does not name"
        if (lower.contains("subject alternative") || lower.contains("no name matching")
                || lower.contains("does not name")) {
            return new ConnectionProblem(ConnectionProblem.Kind.TLS_HOSTNAME, "The certificate of " + host
                    + " does not name this host (" + detail + "). Use the name the certificate was issued for.",
                    error);
        }
        return new ConnectionProblem(ConnectionProblem.Kind.TLS, "TLS with " + host + " failed: " + detail, error);
    }

    static String pinMessage(PinChange pin) {
        CertificateDetails presented = pin.presented();
        return "The server presented a different certificate from the one you pinned. This happens when the"
                + " certificate was renewed, but it is also what an interception looks like, so the connection was"
                + " refused. Pinned: " + CertificateDetails.colons(pin.pinnedSha256()) + "; presented: "
                + presented.sha256() + " (" + presented.subject() + ", issued by " + presented.issuer() + ")."
                + (pin.trustedBySystemCas() ? " A public CA vouches for the new certificate." : "")
                + " Compare it with your server's certificate before approving it.";
    }

    public static <T extends Throwable> Optional<T> cause(Throwable error, Class<T> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        return cause(error, type).isPresent();
    }

    private static String deepestMessage(Throwable error) {
        String message = error.getClass().getSimpleName();
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current.getMessage() != null && !current.getMessage().isBlank()) {
                message = current.getMessage();
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return message;
    }
}
