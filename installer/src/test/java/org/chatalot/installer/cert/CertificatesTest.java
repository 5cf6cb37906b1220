package org.chatalot.installer.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.X509ExtendedTrustManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.chatalot.installer.exec.SystemShell;
import org.chatalot.installer.tls.CertificateFacts;
import org.chatalot.installer.tls.TrustManagers;
import org.chatalot.installer.tls.TrustMode;
import org.chatalot.testing.TempDirs;

class CertificatesTest {
    private final Path dir = TempDirs.create("certs-");
    private final LocalCa localCa = new LocalCa(new SystemShell(Duration.ofSeconds(5)), Clock.systemUTC());

    @AfterEach
    void cleanUp() {
        TempDirs.deleteRecursively(dir);
    }

    @Test
    void localCaSignsAServerCertificateThatItsCaFileTrusts() throws Exception {
        CertificateFiles files = localCa.ensure(dir, List.of("chat.lan"), List.of("192.168.1.20")).files();
        List<X509Certificate> chain = Pem.readCertificates(Files.readString(files.fullChain()));
        X509ExtendedTrustManager trust = TrustManagers.forMode(TrustMode.caFile(files.caCertificate()));
        trust.checkServerTrusted(chain.toArray(X509Certificate[]::new), "ECDHE_ECDSA");
        assertThat(CertificateFacts.of(chain.get(0), java.time.Instant.now()).subjectAlternativeNames())
                .containsExactly("DNS:chat.lan", "IP:192.168.1.20");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.caKey()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKey())))
                .isEqualTo("rw-------");
    }

    @Test
    void rerunReusesTheCaAndKeepsACurrentServerCertificate() throws Exception {
        CertificateFiles files = localCa.ensure(dir, List.of("chat.lan"), List.of()).files();
        String ca = Files.readString(files.caCertificate());
        String chain = Files.readString(files.fullChain());
        LocalCa.Result again = localCa.ensure(dir, List.of("chat.lan"), List.of());
        assertThat(again.isCaCreated()).isFalse();
        assertThat(again.isServerIssued()).isFalse();
        assertThat(Files.readString(files.caCertificate())).isEqualTo(ca);
        assertThat(Files.readString(files.fullChain())).isEqualTo(chain);
    }

    @Test
    void newNamesGetANewServerCertificateFromTheSameCa() throws Exception {
        CertificateFiles files = localCa.ensure(dir, List.of("chat.lan"), List.of()).files();
        String ca = Files.readString(files.caCertificate());
        assertThat(localCa.ensure(dir, List.of("chat.lan", "chat.home"), List.of()).isServerIssued()).isTrue();
        assertThat(Files.readString(files.caCertificate())).isEqualTo(ca);
    }

    @Test
    void acmeShCommandLinesUseWebrootFullChainAndReload() {
        AcmeSh acme = new AcmeSh(Path.of("/root/.acme.sh/acme.sh"), "chat.example.com", Path.of("/var/www/acme"),
                Optional.of("https://pebble.test:14000/dir"), "systemctl reload nginx",
                Optional.of(Path.of("/etc/step/root_ca.crt")), "crontab");
        assertThat(acme.issue().display()).isEqualTo("/root/.acme.sh/acme.sh --issue -d chat.example.com --webroot "
                + "/var/www/acme --keylength ec-256 --server https://pebble.test:14000/dir "
                + "--ca-bundle /etc/step/root_ca.crt");
        assertThat(acme.installCert(CertificateFiles.in(Path.of("/etc/ssl/chatalot"))).display()).isEqualTo(
                "/root/.acme.sh/acme.sh --install-cert -d chat.example.com --ecc --key-file /etc/ssl/chatalot/key.pem "
                        + "--fullchain-file /etc/ssl/chatalot/fullchain.pem --reloadcmd 'systemctl reload nginx'");
    }

    @Test
    void acmeShRenewalCronIsRecognisedOnlyWhenActive() {
        String installedByAcmeSh = "17 0 * * * \"/root/.acme.sh\"/acme.sh --cron --home \"/root/.acme.sh\" > /dev/null";
        assertThat(AcmeSh.hasRenewalCron(installedByAcmeSh)).isTrue();
        assertThat(AcmeSh.hasRenewalCron("# 17 0 * * * /root/.acme.sh/acme.sh --cron")).isFalse();
        assertThat(AcmeSh.hasRenewalCron("")).isFalse();
    }

    @Test
    void certbotCommandLineUsesWebrootAndDeployHook() {
        Certbot certbot = new Certbot(Path.of("certbot"), "chat.example.com", Path.of("/var/www/acme"),
                Optional.of("admin@example.com"), Optional.empty(), "systemctl reload nginx", Optional.empty(),
                Optional.empty());
        assertThat(certbot.certonly().display()).isEqualTo("certbot certonly --non-interactive --agree-tos --webroot "
                + "-w /var/www/acme -d chat.example.com --cert-name chat.example.com --keep-until-expiring "
                + "--deploy-hook 'systemctl reload nginx' -m admin@example.com");
        assertThat(certbot.fullChain()).isEqualTo(Path.of("/etc/letsencrypt/live/chat.example.com/fullchain.pem"));
        assertThat(certbot.renewDryRun().argv()).contains("--no-random-sleep-on-renew");
    }
}
