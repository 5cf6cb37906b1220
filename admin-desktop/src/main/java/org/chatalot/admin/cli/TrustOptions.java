package org.chatalot.admin.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import org.chatalot.admin.connection.TrustMode;

/** {@code --ca FILE} or {@code --pin SHA256}; neither means the system CAs. There is no option to trust anything. */
public final class TrustOptions {
    @Option(names = "--ca", paramLabel = "FILE", description = "trust only the CA certificates in this PEM file")
    Path caFile;

    @Option(names = "--pin", paramLabel = "SHA256",
            description = "trust exactly the server certificate with this SHA-256 fingerprint")
    String pin;

    TrustMode mode() {
        if (caFile != null) {
            return new TrustMode.CaFile(caFile);
        }
        return pin != null ? new TrustMode.Pinned(pin) : TrustMode.system();
    }
}
