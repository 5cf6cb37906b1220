package org.chatalot.installer.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.chatalot.installer.Golden;
import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.plan.FileMode;
import org.chatalot.testing.ExternalTools;
import org.chatalot.testing.TempDirs;
import org.chatalot.testing.ToolResult;

class CaddyAndTraefikIT {
    private final Path dir = TempDirs.create("caddy-");

    @AfterEach
    void cleanUp() {
        TempDirs.deleteRecursively(dir);
    }

    @Test
    void caddyfileMatchesGoldenFile() {
        Golden.assertMatches("Caddyfile", CaddySite.render(DeploySettings.builder("chat.example.com").build(), false));
    }

    @Test
    void caddyfileWithInternalTlsOnAnotherPortMatchesGoldenFile() {
        DeploySettings settings = DeploySettings.builder("chat.lan").httpsPort(8443).maxFileSizeMb(50).build();
        Golden.assertMatches("Caddyfile-internal", CaddySite.render(settings, true));
    }

    @Test
    void internalTlsLeavesTheTrustStoreAloneUnlessAsked() {
        DeploySettings settings = DeploySettings.builder("chat.lan").build();
        assertThat(CaddySite.render(settings, CaddySite.Tls.INTERNAL)).contains("\tskip_install_trust\n");
        assertThat(CaddySite.render(settings, new CaddySite.Tls(true, true))).doesNotContain("skip_install_trust")
                .doesNotContain("\n{\n").contains("\nchat.lan {\n\ttls internal\n");
    }

    @Test
    void thePlainHttpPortAndListenAddressAreCaddysOwnOptions() {
        String caddyfile = CaddySite.render(DeploySettings.builder("chat.lan").httpsPort(8443).httpPort(8081)
                .listenAddress("192.168.1.20").build(), CaddySite.Tls.INTERNAL);
        assertThat(caddyfile).contains("{\n\thttp_port 8081\n\tskip_install_trust\n}\n",
                "chat.lan:8443 {\n\tbind 192.168.1.20\n\ttls internal\n");
        assertThat(CaddySite.render(DeploySettings.builder("chat.lan").httpPort(0).build(), CaddySite.Tls.INTERNAL))
                .contains("\tauto_https disable_redirects\n").doesNotContain("http_port");
    }

    @Test
    void caddyValidatesTheRenderedFile() throws Exception {
        Path caddy = ExternalTools.require("caddy");
        Path file = Files.writeString(dir.resolve("Caddyfile"), CaddySite.render(DeploySettings.builder("chat.test")
                .httpsPort(18443).httpPort(18081).listenAddress("127.0.0.1").build(), true));
        ToolResult result = ToolResult.run(List.of(caddy.toString(), "validate", "--adapter", "caddyfile",
                "--config", file.toString()), Map.of("HOME", dir.toString(), "XDG_DATA_HOME",
                dir.toString(), "XDG_CONFIG_HOME", dir.toString()), Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void caddyDropsTheClientsForwardedAndXRealIpBeforeProxying() throws Exception {
        Path caddy = ExternalTools.require("caddy");
        Path file = Files.writeString(dir.resolve("Caddyfile"),
                CaddySite.render(DeploySettings.builder("chat.test").httpsPort(18443).build(), true));
        ToolResult adapted = ToolResult.run(List.of(caddy.toString(), "adapt", "--adapter", "caddyfile",
                "--config", file.toString()), Map.of("HOME", dir.toString(), "XDG_DATA_HOME",
                dir.toString(), "XDG_CONFIG_HOME", dir.toString()), Duration.ofSeconds(60));
        assertThat(adapted.exitCode()).as(adapted.output()).isZero();

        // Caddy's own reading of the file: the reverse_proxy handler deletes both request headers.
        String json = adapted.output().substring(adapted.output().indexOf('{'));
        List<String> deleted = new ArrayList<>();
        new ObjectMapper().readTree(json).findParents("handler").stream()
                .filter(handler -> handler.path("handler").asText().equals("reverse_proxy"))
                .forEach(proxy -> proxy.path("headers").path("request").path("delete")
                        .forEach(name -> deleted.add(name.asText())));
        assertThat(deleted).containsExactlyInAnyOrder("Forwarded", "X-Real-IP");
    }

    @Test
    void traefikRemovesTheClientsForwardedHeaderOnTheRouter() throws Exception {
        String override = TraefikLabels.render(DeploySettings.builder("chat.example.com").dockerNetwork("web").build());
        Map<String, String> labels = new LinkedHashMap<>();
        new ObjectMapper(new YAMLFactory()).readTree(override).path("services").path("chatalot").path("labels")
                .forEach(label -> {
                    String text = label.asText();
                    labels.put(text.substring(0, text.indexOf('=')).toLowerCase(Locale.ROOT),
                            text.substring(text.indexOf('=') + 1));
                });

        List<String> middlewares = List.of(labels.get("traefik.http.routers.chatalot.middlewares").split(","));
        for (String middleware : middlewares) {
            assertThat(labels.keySet()).as("middleware %s is defined", middleware)
                    .anyMatch(key -> key.startsWith("traefik.http.middlewares." + middleware + "."));
        }
        // Traefik's headers middleware removes a request header given an empty value.
        assertThat(middlewares).anySatisfy(middleware -> assertThat(labels)
                .containsEntry("traefik.http.middlewares." + middleware + ".headers.customrequestheaders.forwarded",
                        ""));
    }

    @Test
    void traefikOverrideMatchesGoldenFile() {
        DeploySettings settings = DeploySettings.builder("chat.example.com").dockerNetwork("proxy").build();
        Golden.assertMatches("docker-compose.override.yml", TraefikLabels.render(settings));
    }

    @Test
    void traefikLabelsCarryDomainNetworkAndPort() {
        String labels = TraefikLabels.render(DeploySettings.builder("chat.example.com").upstream("0.0.0.0:9000")
                .dockerNetwork("edge").build());
        assertThat(labels).contains("Host(`chat.example.com`)").contains("traefik.docker.network=edge")
                .contains("loadbalancer.server.port=9000").contains("  edge:\n    external: true");
    }

    @Test
    void deployScriptIsExecutableAndMatchesGoldenFile() {
        var script = TraefikLabels.deployScript(Path.of("/srv/chatalot"));
        assertThat(script.path()).isEqualTo(Path.of("/srv/chatalot/scripts/deploy"));
        assertThat(script.mode()).isEqualTo(FileMode.EXECUTABLE);
        Golden.assertMatches("deploy.sh", script.content());
    }

    @Test
    void deployScriptIsValidBash() throws Exception {
        Path script = Files.writeString(dir.resolve("deploy"), TraefikLabels.deployScript(dir).content());
        ToolResult result = ToolResult.run(List.of("bash", "-n", script.toString()), Duration.ofSeconds(10));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
