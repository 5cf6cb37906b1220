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

    /** An executable shell script in the test folder, standing in for a program the command runs. */
    private Path script(String name, String body) throws Exception {
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private Path fakeAcmeSh(String installCronjob) throws Exception {
        return script("acme.sh", "case \"$1\" in\n  --install-cronjob) " + installCronjob
                + " ;;\n  *) exit 0 ;;\nesac\n");
    }

    private int acmeSh(Path acmeSh, String crontab) {
        return run("cert", "acme-sh", "--domain", "chat.example.com", "--acme-sh", acmeSh.toString(),
                "--webroot", dir.resolve("acme").toString(), "--cert-dir", dir.resolve("tls").toString(),
                "--crontab", crontab, "--yes");
    }

    @Test
    void acmeShFailsClearlyWhenTheRenewalJobCannotBeInstalled() throws Exception {
        Path crontab = script("crontab", "echo 'no crontab for root' >&2; exit 1\n");
        Path acmeSh = fakeAcmeSh(
                "echo \"crontab/fcrontab doesn't exist, so, we can not install cron jobs.\" >&2; exit 1");
        assertThat(acmeSh(acmeSh, crontab.toString())).isEqualTo(InstallerCli.STEP_FAILED);
        assertThat(err.toString()).contains("acme.sh could not install its renewal cron job",
                "we can not install cron jobs", "will not be renewed", "apt install cron");
        assertThat(out.toString()).doesNotContain("renewal: acme.sh's cron job is installed");
    }

    @Test
    void acmeShFailsClearlyWithoutCrontabAtAll() throws Exception {
        assertThat(acmeSh(fakeAcmeSh("exit 0"), dir.resolve("no-such-crontab").toString()))
                .isEqualTo(InstallerCli.STEP_FAILED);
        assertThat(err.toString()).contains("no renewal job:", "is not installed", "apt install cron");
    }

    @Test
    void acmeShInstallsTheRenewalJobAndChecksItIsThere() throws Exception {
        Path table = dir.resolve("crontab.txt");
        Path crontab = script("crontab", "[ -f " + table + " ] && cat " + table + " || exit 1\n");
        Path acmeSh = fakeAcmeSh("echo '17 0 * * * \"/root/.acme.sh\"/acme.sh --cron --home \"/root/.acme.sh\"' > "
                + table);
        assertThat(acmeSh(acmeSh, crontab.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("installing it", "renewal: acme.sh's cron job is installed");
    }

    @Test
    void acmeShPassesAPrivateAcmeCasCertificateOn() {
        assertThat(run("cert", "acme-sh", "--domain", "chat.example.com", "--acme-sh", "/opt/acme.sh/acme.sh",
                "--server", "https://ca.internal/acme/acme/directory", "--server-ca", "/etc/step/root_ca.crt",
                "--dry-run")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("--server https://ca.internal/acme/acme/directory --ca-bundle "
                + "/etc/step/root_ca.crt");
    }

    @Test
    void aMissingNginxIsSaidToBeMissing() {
        int code = run("nginx", "--domain", "chat.example.com", "--nginx", dir.resolve("no-such-nginx").toString(),
                "--sites-available", dir.resolve("available").toString(), "--sites-enabled",
                dir.resolve("enabled").toString(), "--webroot", dir.resolve("acme").toString(), "--yes");
        assertThat(code).isEqualTo(InstallerCli.STEP_FAILED);
        assertThat(err.toString()).contains("nginx was not found: could not run").doesNotContain("rejected");
        assertThat(dir.resolve("available/chatalot-chat.example.com.conf")).doesNotExist();
    }

    @Test
    void theNextLineIsACompleteVerifyCommandForThisFront() {
        assertThat(run("nginx", "--domain", "chat.example.com", "--https-port", "8443", "--http-port", "8081",
                "--upstream", "127.0.0.1:9000", "--max-file-size-mb", "250", "--listen-address", "192.168.1.20",
                "--sites-available", dir.resolve("available").toString(), "--sites-enabled",
                dir.resolve("enabled").toString(), "--dry-run")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("listen 192.168.1.20:8443 ssl http2;", "next: chatalot-install verify "
                + "--url https://chat.example.com:8443 --http-port 8081 --max-file-size-mb 250 "
                + "--upstream 127.0.0.1:9000 "
                + "--site-file " + dir.resolve("available/chatalot-chat.example.com.conf")
                + " --cert /etc/ssl/chatalot/fullchain.pem");
    }

    @Test
    void nginxOutsideEtcIsCheckedAndReloadedWithItsOwnPrefixAndConfig() {
        assertThat(run("nginx", "--domain", "chat.example.com", "--nginx-prefix", "/usr/local/nginx",
                "--nginx-conf", "/usr/local/nginx/conf/nginx.conf", "--sites-available", dir.resolve("a").toString(),
                "--sites-enabled", dir.resolve("e").toString(), "--dry-run")).as(err.toString()).isZero();
        assertThat(out.toString()).contains(
                "$ nginx -p /usr/local/nginx -c /usr/local/nginx/conf/nginx.conf -t",
                "$ nginx -p /usr/local/nginx -c /usr/local/nginx/conf/nginx.conf -s reload")
                .doesNotContain("systemctl reload nginx");
    }

    @Test
    void caddyWithItsInternalCaBindsNoPlainPortAndLeavesTheTrustStoreAlone() {
        assertThat(run("caddy", "--domain", "chat.lan", "--https-port", "8443", "--internal-tls",
                "--caddyfile", dir.resolve("Caddyfile").toString(), "--dry-run")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\tauto_https disable_redirects\n", "\tskip_install_trust\n",
                "/var/lib/caddy/.local/share/caddy/pki/authorities/local/root.crt", "Import-Certificate",
                "security add-trusted-cert", "update-ca-certificates",
                "next: chatalot-install verify --url https://chat.lan:8443 --http-port 0 ",
                "--ca-file /var/lib/caddy/.local/share/caddy/pki/authorities/local/root.crt");
        out.getBuffer().setLength(0);
        assertThat(run("caddy", "--domain", "chat.lan", "--internal-tls", "--http-port", "8081", "--install-trust",
                "--caddyfile", dir.resolve("Caddyfile").toString(), "--dry-run")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\thttp_port 8081\n").doesNotContain("skip_install_trust");
    }

    @Test
    void localCaExplainsTrustOnLinuxMacAndWindowsWithTheFingerprint() {
        assertThat(run("cert", "local-ca", "--domain", "chat.lan", "--cert-dir", dir.toString(), "--yes"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("update-ca-certificates", "update-ca-trust",
                "security add-trusted-cert -d -r trustRoot", "Import-Certificate -FilePath chatalot-ca.crt",
                "SHA-256 fingerprint, to compare on each device: ");
    }
}
