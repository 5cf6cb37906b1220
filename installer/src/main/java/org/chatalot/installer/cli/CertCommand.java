package org.chatalot.installer.cli;

import picocli.CommandLine.Command;

@Command(name = "cert", description = "Get a certificate: acme-sh, certbot, self-signed or local-ca.",
        subcommands = {CertAcmeShCommand.class, CertCertbotCommand.class, CertSelfSignedCommand.class,
            CertLocalCaCommand.class})
final class CertCommand {
}
