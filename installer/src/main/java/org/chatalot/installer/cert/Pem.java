package org.chatalot.installer.cert;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM text as nginx, Caddy and openssl read it: certificates and PKCS#8 private keys. */
public final class Pem {
    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    public static String certificate(X509Certificate certificate) {
        try {
            return block("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Leaf first, then each issuer: the order servers must send. */
    public static String chain(List<X509Certificate> chain) {
        StringBuilder out = new StringBuilder();
        chain.forEach(certificate -> out.append(certificate(certificate)));
        return out.toString();
    }

    public static String privateKey(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    public static List<X509Certificate> readCertificates(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .forEach(certificate -> out.add((X509Certificate) certificate));
            return out;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not PEM certificates: " + e.getMessage(), e);
        }
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
