package org.chatalot.installer.cert;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A certificate together with its private key: what can sign (a CA) or be served (a server). */
public record Issued(X509Certificate certificate, PrivateKey privateKey) {
}
