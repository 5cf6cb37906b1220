package org.chatalot.installer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.chatalot.installer.cert.Pem;
import org.chatalot.testing.TempDirs;

class InstallerCliTest {
    private final Path dir = TempDirs.create("cli-");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void cleanUp() {
        TempDirs.deleteRecursively(dir);
    }

    private int run(String... args) {
        return InstallerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void nginxDryRunPrintsTheSiteAndEveryCommandAndWritesNothing() {
        int code = run("nginx", "--domain", "chat.example.com", "--dry-run",
                "--sites-available", dir.resolve("available").toString(),
                "--sites-enabled", dir.resolve("enabled").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains(
                "# write " + dir.resolve("available/chatalot-chat.example.com.conf") + " (mode 644)",
                "listen 443 ssl http2;", "client_max_body_size 110M;",
                "$ ln -sfn " + dir.resolve("available/chatalot-chat.example.com.conf"),
                "$ nginx -t", "$ systemctl reload nginx");
        assertThat(dir.resolve("available")).doesNotExist();
    }

    @Test
    void invalidSettingsExitWithTwoAndNameTheField() {
        int code = run("nginx", "--domain", "chat example", "--max-file-size-mb", "0", "--dry-run");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("domain: expected a host name", "max-file-size-mb: expected 1 to 10240");
    }

    @Test
    void withoutATerminalOrYesNothingIsChanged() {
        int code = run("systemd", "--domain", "chat.example.com");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("pass --yes");
    }

    @Test
    void systemdDryRunShowsHardenedUnitAndHidesTheEnvironmentFile() {
        assertThat(run("systemd", "--domain", "chat.example.com", "--dry-run")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("useradd --system", "ProtectSystem=strict",
                "# write /etc/chatalot/chatalot.env (mode 600)", "not shown", "$ systemctl enable chatalot.service");
    }

    @Test
    void localCaWritesACaAndAChainAndExplainsTrust() throws Exception {
        assertThat(run("cert", "local-ca", "--domain", "chat.lan", "--ip", "10.0.0.5", "--cert-dir", dir.toString(),
                "--yes")).as(err.toString()).isZero();
        assertThat(Pem.readCertificates(Files.readString(dir.resolve("fullchain.pem")))).hasSize(2);
        assertThat(out.toString()).contains("created CA", "update-ca-certificates",
                "--ca-file " + dir.resolve("ca.pem"));
        out.getBuffer().setLength(0);
        assertThat(run("cert", "local-ca", "--domain", "chat.lan", "--ip", "10.0.0.5", "--cert-dir", dir.toString(),
                "--yes")).isZero();
        assertThat(out.toString()).contains("reused CA", "kept (still current)");
    }

    @Test
    void acmeShDryRunShowsTheExactCommands() {
        assertThat(run("cert", "acme-sh", "--domain", "chat.example.com", "--acme-sh", "/opt/acme.sh/acme.sh",
                "--server", "letsencrypt_test", "--dry-run")).as(err.toString()).isZero();
        assertThat(out.toString()).contains(
                "$ /opt/acme.sh/acme.sh --issue -d chat.example.com --webroot /var/www/acme --keylength ec-256 "
                        + "--server letsencrypt_test",
                "$ /opt/acme.sh/acme.sh --install-cert -d chat.example.com --ecc --key-file /etc/ssl/chatalot/key.pem "
                        + "--fullchain-file /etc/ssl/chatalot/fullchain.pem --reloadcmd 'systemctl reload nginx'",
                "$ crontab -l");
    }

    @Test
    void allDryRunWalksEveryStepInOrder() {
        assertThat(run("all", "--domain", "chat.example.com", "--cert-method", "certbot", "--email", "a@example.com",
                "--dry-run")).as(out + err.toString()).isZero();
        String text = out.toString();
        assertThat(text.indexOf("== systemd ==")).isLessThan(text.indexOf("== cert =="));
        assertThat(text).contains("certbot certonly", "/etc/letsencrypt/live/chat.example.com/fullchain.pem",
                "$ nginx -t");
    }

    @Test
    void verifyRejectsUnknownFormatByName() {
        assertThat(run("verify", "--domain", "chat.test", "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("format: expected text, markdown or json");
    }
}
