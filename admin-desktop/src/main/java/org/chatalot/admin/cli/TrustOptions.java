package org.chatalot.admin.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import org.chatalot.admin.connection.TrustMode;

/** {@code --ca FILE} or {@code --pin SHA256}; neither means the system CAs. There is no option to trust anything. */
public final class TrustOptions {
    @Option(names = "--ca", paramLabel = "FILE", description = "trust only the CA certificates in this PEM file")
    Path caFile;

    @Option(names = "--pin", paramLabel = "SHA256",
            description = "trust exactly the server certificate with this SHA-256 fingerprint")
    String pin;

    /** The trust mode, or a usage error naming the option when the file cannot be read or the pin is malformed. */
    TrustMode validMode(CommandLine command) {
        if (caFile != null && (!Files.isRegularFile(caFile) || !Files.isReadable(caFile))) {
            throw new CommandLine.ParameterException(command, "--ca: cannot read " + caFile);
        }
        try {
            return mode();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command, "--pin: " + e.getMessage());
        }
    }

    TrustMode mode() {
        if (caFile != null) {
            return new TrustMode.CaFile(caFile);
        }
        return pin != null ? new TrustMode.Pinned(pin) : TrustMode.system();
    }
}
