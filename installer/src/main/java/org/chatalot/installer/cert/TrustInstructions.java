package org.chatalot.installer.cert;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to make each device trust a private CA (ours from {@code cert local-ca}, or Caddy's internal one): the
 * commands for Linux, macOS and Windows, the browsers and phones that keep their own list, and the fingerprint to
 * compare on each device so that the file copied there is the one made here.
 */
public final class TrustInstructions {

    private TrustInstructions() {
    }

    /**
     * @param caCertificate the CA's certificate (PEM)
     * @param sha256        its SHA-256 fingerprint, when the file exists already
     * @param caKey         its private key, when it is ours to keep safe
     */
    public static String forCa(Path caCertificate, Optional<String> sha256, Optional<Path> caKey) {
        StringBuilder text = new StringBuilder("""
                Trust the CA once on every device that will open the chat (copy %1$s there first):
                  Debian/Ubuntu: sudo cp %1$s /usr/local/share/ca-certificates/chatalot-ca.crt \
                && sudo update-ca-certificates
                  Fedora/RHEL:   sudo cp %1$s /etc/pki/ca-trust/source/anchors/chatalot-ca.pem && sudo update-ca-trust
                  Arch/openSUSE: sudo trust anchor --store %1$s
                  macOS:         sudo security add-trusted-cert -d -r trustRoot \
                -k /Library/Keychains/System.keychain %1$s
                  Windows:       save it as chatalot-ca.crt, then in PowerShell as administrator:
                                 Import-Certificate -FilePath chatalot-ca.crt \
                -CertStoreLocation Cert:\\LocalMachine\\Root
                                 (or: certutil -addstore -f ROOT chatalot-ca.crt)
                  Firefox, Android and iOS keep their own lists: import it in their certificate settings.
                  Deployment doctor: chatalot-install verify --ca-file %1$s
                  Admin app: choose it as the profile's CA file (chatalot-admin check --ca %1$s)
                  The server's own self-check: SELF_CHECK_CA_FILE=%1$s
                """.formatted(caCertificate));
        sha256.ifPresent(fingerprint -> text.append("  Its SHA-256 fingerprint, to compare on each device: ")
                .append(fingerprint).append('\n'));
        caKey.ifPresent(key -> text.append("Keep ").append(key).append(" private (mode 600): whoever holds it can "
                + "impersonate any site to these devices.\n"));
        return text.toString();
    }
}
