package org.chatalot.installer.cert;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Signs X.509 certificates with the JDK's providers; BouncyCastle only assembles the structure. */
public final class CertificateIssuer {
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateIssuer() {
    }

    /** EC P-256: small, fast and accepted by every current client. */
    public static KeyPair ecKeyPair() {
        return generate("EC", 256);
    }

    public static KeyPair rsaKeyPair(int bits) {
        return generate("RSA", bits);
    }

    public static Issued selfSigned(CertificateSpec spec, KeyPair keys) {
        return sign(spec, keys, new X500Name("CN=" + spec.commonName()), null, new Issued(null, keys.getPrivate()));
    }

    /** A certificate for {@code keys} signed by {@code issuer} (a CA made by {@link #selfSigned} or this). */
    public static Issued issue(CertificateSpec spec, KeyPair keys, Issued issuer) {
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        return sign(spec, keys, issuerName, issuer.certificate(), issuer);
    }

    private static Issued sign(CertificateSpec spec, KeyPair keys, X500Name issuerName, X509Certificate issuerCert,
                               Issued signer) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(spec.notBefore()),
                    Date.from(spec.notAfter()), new X500Name("CN=" + spec.commonName()), keys.getPublic());
            addExtensions(builder, spec, keys, issuerCert);
            String algorithm = signer.privateKey().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(signer.privateKey())));
            return new Issued(certificate, keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("could not sign certificate for " + spec.commonName(), e);
        }
    }

    private static void addExtensions(X509v3CertificateBuilder builder, CertificateSpec spec, KeyPair keys,
                                      X509Certificate issuerCert) throws CertIOException, GeneralSecurityException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
        if (issuerCert != null) {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuerCert));
        }
        if (spec.isCa()) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(spec.pathLength()));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return;
        }
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        List<GeneralName> names = new ArrayList<>();
        spec.dnsNames().forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
        spec.ipNames().forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(names.toArray(GeneralName[]::new)));
    }

    private static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            } else {
                generator.initialize(size, RANDOM);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no " + algorithm + " key generator", e);
        }
    }
}
