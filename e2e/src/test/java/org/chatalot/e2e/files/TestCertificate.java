package org.chatalot.e2e.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.proxy.NginxSite;
import org.chatalot.testing.ExternalTools;

/**
 * A self-signed certificate for localhost made with openssl, a client context that trusts only it, and the
 * installer's nginx site serving it.
 */
record TestCertificate(Path chain, Path key) {

    static TestCertificate create(Path dir) throws IOException, InterruptedException {
        Path openssl = ExternalTools.require("openssl");
        Path chain = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process process = new ProcessBuilder(openssl.toString(), "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.toString(),
                "-out", chain.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("openssl failed: " + output);
        }
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return new TestCertificate(chain, key);
    }

    /**
     * The site {@code chatalot-install nginx} writes, on loopback port {@code httpsPort} with this certificate, for
     * the server on {@code upstreamPort} and uploads of {@code maxFileSizeMb}; without the plain-HTTP redirect.
     */
    String site(int httpsPort, int upstreamPort, int maxFileSizeMb) {
        return NginxSite.render(DeploySettings.builder("localhost").httpsPort(httpsPort).httpPort(0)
                .listenAddress("127.0.0.1").upstream("127.0.0.1:" + upstreamPort).maxFileSizeMb(maxFileSizeMb)
                .certificate(chain.toAbsolutePath()).privateKey(key.toAbsolutePath()).build());
    }

    SSLContext trustingContext() throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(chain)) {
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            trust.setCertificateEntry("test", certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
