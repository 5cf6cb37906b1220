package org.chatalot.admin.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made in the test: a local CA, server certificates it signs, self-signed ones; PEM or KeyStore. */
public final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private TestCertificates() {
    }

    /** A key pair and its certificate, with the chain up to (not including) the root when CA-signed. */
    public record Issued(KeyPair keys, X509Certificate certificate, X509Certificate issuer) {

        public KeyStore keyStore(char[] password) throws GeneralSecurityException, IOException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            X509Certificate[] chain = issuer == null || issuer.equals(certificate)
                    ? new X509Certificate[] {certificate} : new X509Certificate[] {certificate, issuer};
            store.setKeyEntry("server", keys.getPrivate(), password, chain);
            return store;
        }

        public void writeCertificatePem(Path file) throws IOException {
            Files.writeString(file, pem(certificate) + (issuer == null || issuer.equals(certificate) ? ""
                    : pem(issuer)));
        }

        public void writeKeyPem(Path file) throws IOException {
            // PKCS#8 as the JDK encodes it: what nginx/openssl read without BouncyCastle's key wrapping
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        }
    }

    public static Issued ca(String name) throws GeneralSecurityException {
        KeyPair keys = keys();
        X509Certificate cert = sign(new X500Name("CN=" + name), keys, new X500Name("CN=" + name), keys,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(3650)), true, null);
        return new Issued(keys, cert, cert);
    }

    public static Issued server(Issued ca, String host, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        KeyPair keys = keys();
        X500Name issuer = new X500Name(ca.certificate().getSubjectX500Principal().getName());
        X509Certificate cert = sign(new X500Name("CN=" + host), keys, issuer, ca.keys(), notBefore, notAfter, false,
                host);
        return new Issued(keys, cert, ca.certificate());
    }

    public static Issued server(Issued ca, String host) throws GeneralSecurityException {
        return server(ca, host, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(89)));
    }

    public static Issued selfSigned(String host) throws GeneralSecurityException {
        KeyPair keys = keys();
        X509Certificate cert = sign(new X500Name("CN=" + host), keys, new X500Name("CN=" + host), keys,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)), false, host);
        return new Issued(keys, cert, null);
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
                                        Instant from, Instant to, boolean isCa, String host)
            throws GeneralSecurityException {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(to), subject,
                    subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            if (host != null) {
                int type = host.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName;
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(type, host)));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static String pem(Object value) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
