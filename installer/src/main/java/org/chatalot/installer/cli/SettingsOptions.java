package org.chatalot.installer.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import org.chatalot.installer.plan.DeploySettings;

/** The deployment settings as options; every command that renders something mixes these in. */
final class SettingsOptions {
    @Option(names = "--domain", required = true, description = "Public host name, e.g. chat.example.com.")
    String domain;

    @Option(names = "--https-port", defaultValue = "443",
            description = "TLS port of the proxy (default: ${DEFAULT-VALUE}).")
    int httpsPort;

    @Option(names = "--http-port", defaultValue = "80",
            description = "Plain HTTP port: redirect + ACME (default: ${DEFAULT-VALUE}; 0: none).")
    int httpPort;

    @Option(names = "--listen-address", description = "The one local address the site listens on, e.g. "
            + "192.168.1.20 (default: every address, IPv4 and IPv6).")
    String listenAddress;

    @Option(names = "--upstream", defaultValue = "127.0.0.1:8080",
            description = "The server's LISTEN_ADDR (default: ${DEFAULT-VALUE}).")
    String upstream;

    @Option(names = "--max-file-size-mb", defaultValue = "100",
            description = "The server's MAX_FILE_SIZE_MB (default: ${DEFAULT-VALUE}).")
    int maxFileSizeMb;

    @Option(names = "--body-overhead-mb", defaultValue = "10",
            description = "Added to the body limit for multipart framing (default: ${DEFAULT-VALUE}).")
    int bodyOverheadMb;

    @Option(names = "--cert",
            description = "Full chain PEM the proxy serves (default: /etc/ssl/chatalot/fullchain.pem).")
    Path certificate;

    @Option(names = "--key", description = "Private key PEM (default: /etc/ssl/chatalot/key.pem).")
    Path privateKey;

    @Option(names = "--webroot", defaultValue = "/var/www/acme",
            description = "ACME challenge folder (default: ${DEFAULT-VALUE}).")
    Path webroot;

    @Option(names = "--data-dir", defaultValue = "/var/lib/chatalot",
            description = "The server's DATA_DIR (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--install-dir", defaultValue = "/opt/chatalot",
            description = "Where chatalot-server.jar lives (default: ${DEFAULT-VALUE}).")
    Path installDir;

    @Option(names = "--service-user", defaultValue = "chatalot",
            description = "System user of the service (default: ${DEFAULT-VALUE}).")
    String serviceUser;

    @Option(names = "--network", defaultValue = "web",
            description = "Traefik's Docker network, DEPLOY_NETWORK (default: ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--java", defaultValue = "/usr/bin/java",
            description = "Java 21+ binary for the service (default: ${DEFAULT-VALUE}).")
    Path java;

    DeploySettings toSettings() {
        return toSettings(httpPort);
    }

    /** With another plain-HTTP port than the option's (a command's own default). */
    DeploySettings toSettings(int plainHttpPort) {
        return DeploySettings.builder(domain).httpsPort(httpsPort).httpPort(plainHttpPort).upstream(upstream)
                .listenAddress(listenAddress)
                .maxFileSizeMb(maxFileSizeMb).bodyOverheadMb(bodyOverheadMb).certificate(certificate)
                .privateKey(privateKey).acmeWebroot(webroot).dataDir(dataDir).installDir(installDir)
                .serviceUser(serviceUser).dockerNetwork(network).java(java).build();
    }
}
