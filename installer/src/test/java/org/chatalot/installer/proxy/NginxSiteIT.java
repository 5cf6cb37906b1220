package org.chatalot.installer.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.chatalot.installer.Golden;
import org.chatalot.installer.TestCertificates;
import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.testing.Nginx;
import org.chatalot.testing.TempDirs;
import org.chatalot.testing.ToolResult;

class NginxSiteIT {
    private final Path dir = TempDirs.create("nginx-site-");

    @AfterEach
    void cleanUp() {
        TempDirs.deleteRecursively(dir);
    }

    @Test
    void defaultSiteMatchesGoldenFile() {
        Golden.assertMatches("nginx-default.conf",
                NginxSite.render(DeploySettings.builder("chat.example.com").build()));
    }

    @Test
    void nonDefaultPortsAndLimitsMatchGoldenFile() {
        DeploySettings settings = DeploySettings.builder("chat.test").httpsPort(8443).httpPort(8080)
                .upstream("127.0.0.1:9000").maxFileSizeMb(250).bodyOverheadMb(20)
                .certificate(Path.of("/srv/tls/chain.pem")).privateKey(Path.of("/srv/tls/key.pem")).build();
        Golden.assertMatches("nginx-8443.conf", NginxSite.render(settings));
    }

    @Test
    void redirectKeepsTheNonDefaultHttpsPort() {
        String site = NginxSite.render(DeploySettings.builder("chat.test").httpsPort(8443).build());
        assertThat(site).contains("return 301 https://$host:8443$request_uri;").contains("listen 8443 ssl http2;");
    }

    @Test
    void bodyLimitIsUploadLimitPlusOverhead() {
        String site = NginxSite.render(DeploySettings.builder("chat.test").maxFileSizeMb(512).build());
        assertThat(site).contains("client_max_body_size 522M;");
    }

    @Test
    void aListenAddressBindsOnlyThatAddress() {
        String site = NginxSite.render(DeploySettings.builder("chat.lan").listenAddress("192.168.1.20").build());
        assertThat(site).contains("    listen 192.168.1.20:80;\n", "    listen 192.168.1.20:443 ssl http2;\n")
                .doesNotContain("listen [::]");
        assertThat(NginxSite.render(DeploySettings.builder("chat.lan").listenAddress("fd00::5").build()))
                .contains("listen [fd00::5]:443 ssl http2;");
    }

    @Test
    void withoutAPlainHttpPortThereIsNoRedirectBlock() {
        String site = NginxSite.render(DeploySettings.builder("chat.lan").httpPort(0).build());
        assertThat(site).doesNotContain("return 301", "acme-challenge").contains("listen 443 ssl http2;");
    }

    @Test
    void nginxAcceptsTheRenderedSite() {
        TestCertificates.TlsFiles tls = TestCertificates.selfSigned(dir, "chat.test");
        String site = NginxSite.render(DeploySettings.builder("chat.test").httpsPort(18443).httpPort(18080)
                .listenAddress("127.0.0.1").certificate(tls.certificate()).privateKey(tls.key())
                .acmeWebroot(dir.resolve("acme")).build());
        try (Nginx nginx = Nginx.withSite(site)) {
            ToolResult result = nginx.test();
            assertThat(result.exitCode()).as(result.output()).isZero();
        }
    }

    @Test
    void nginxRejectsABrokenSite() {
        try (Nginx nginx = Nginx.withSite("server { listen 18081; bogus_directive on; }")) {
            assertThat(nginx.test().exitCode()).isNotZero();
        }
    }

    @Test
    void theGuideShowsExactlyWhatTheInstallerWrites() throws Exception {
        String guide = Files.readString(Path.of("../docs/tls-and-reverse-proxy.md"));
        int start = guide.indexOf("```nginx\n") + "```nginx\n".length();
        String shown = guide.substring(start, guide.indexOf("```\n", start));
        assertThat(shown).isEqualTo(NginxSite.render(DeploySettings.builder("chat.example.com").build()));
    }
}
