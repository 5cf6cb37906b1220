package org.chatalot.installer.cert;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.chatalot.installer.exec.Shell;
import org.chatalot.installer.plan.FileMode;

/** A one-off self-signed server certificate: for a quick test only, every client will warn. */
public final class SelfSigned {
    private final Shell shell;
    private final Clock clock;

    public SelfSigned(Shell shell, Clock clock) {
        this.shell = shell;
        this.clock = clock;
    }

    public CertificateFiles create(Path dir, List<String> dnsNames, List<String> ipNames, Duration lifetime) {
        CertificateFiles files = CertificateFiles.in(dir);
        Instant now = clock.instant();
        Issued issued = CertificateIssuer.selfSigned(CertificateSpec.server(dnsNames, ipNames,
                now.minus(Duration.ofMinutes(5)), now.plus(lifetime)), CertificateIssuer.ecKeyPair());
        shell.write(files.privateKey(), Pem.privateKey(issued.privateKey()), FileMode.SECRET);
        shell.write(files.fullChain(), Pem.certificate(issued.certificate()), FileMode.PUBLIC);
        return files;
    }
}
