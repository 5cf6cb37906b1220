package org.chatalot.installer.cert;

import java.nio.file.Path;

/** Where the certificate commands put things, one folder per instance (default /etc/ssl/chatalot). */
public record CertificateFiles(Path caCertificate, Path caKey, Path certificate, Path privateKey, Path fullChain) {

    public static CertificateFiles in(Path dir) {
        return new CertificateFiles(dir.resolve("ca.pem"), dir.resolve("ca.key"), dir.resolve("cert.pem"),
                dir.resolve("key.pem"), dir.resolve("fullchain.pem"));
    }
}
