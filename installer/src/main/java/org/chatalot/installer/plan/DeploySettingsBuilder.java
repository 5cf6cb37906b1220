package org.chatalot.installer.plan;

import java.nio.file.Path;
import java.util.Optional;

/** Defaults for one Debian box; every setter mirrors a CLI option of the same name. */
public final class DeploySettingsBuilder {
    private final String domain;
    private int httpsPort = 443;
    private int httpPort = 80;
    private String upstream = "127.0.0.1:8080";
    private int maxFileSizeMb = 100;
    private int bodyOverheadMb = 10;
    private Path certificate;
    private Path privateKey;
    private Path acmeWebroot = Path.of("/var/www/acme");
    private Path dataDir = Path.of("/var/lib/chatalot");
    private Path installDir = Path.of("/opt/chatalot");
    private String serviceUser = "chatalot";
    private String dockerNetwork = "web";
    private Path java = Path.of("/usr/bin/java");
    private String listenAddress;

    DeploySettingsBuilder(String domain) {
        this.domain = domain;
    }

    public DeploySettingsBuilder httpsPort(int value) {
        httpsPort = value;
        return this;
    }

    public DeploySettingsBuilder httpPort(int value) {
        httpPort = value;
        return this;
    }

    public DeploySettingsBuilder upstream(String value) {
        upstream = value;
        return this;
    }

    public DeploySettingsBuilder maxFileSizeMb(int value) {
        maxFileSizeMb = value;
        return this;
    }

    public DeploySettingsBuilder bodyOverheadMb(int value) {
        bodyOverheadMb = value;
        return this;
    }

    public DeploySettingsBuilder certificate(Path value) {
        certificate = value;
        return this;
    }

    public DeploySettingsBuilder privateKey(Path value) {
        privateKey = value;
        return this;
    }

    public DeploySettingsBuilder acmeWebroot(Path value) {
        acmeWebroot = value;
        return this;
    }

    public DeploySettingsBuilder dataDir(Path value) {
        dataDir = value;
        return this;
    }

    public DeploySettingsBuilder installDir(Path value) {
        installDir = value;
        return this;
    }

    public DeploySettingsBuilder serviceUser(String value) {
        serviceUser = value;
        return this;
    }

    public DeploySettingsBuilder dockerNetwork(String value) {
        dockerNetwork = value;
        return this;
    }

    public DeploySettingsBuilder java(Path value) {
        java = value;
        return this;
    }

    /** The address the site listens on; null or empty for every address. */
    public DeploySettingsBuilder listenAddress(String value) {
        listenAddress = value == null || value.isBlank() ? null : value.strip();
        return this;
    }

    /** Certificate paths default to where {@code cert} commands install them: /etc/ssl/chatalot/. */
    public DeploySettings build() {
        Path certDir = Path.of("/etc/ssl/chatalot");
        return new DeploySettings(domain, httpsPort, httpPort, upstream, maxFileSizeMb, bodyOverheadMb,
                certificate == null ? certDir.resolve("fullchain.pem") : certificate,
                privateKey == null ? certDir.resolve("key.pem") : privateKey,
                acmeWebroot, dataDir, installDir, serviceUser, dockerNetwork, java,
                Optional.ofNullable(listenAddress));
    }
}
