package org.chatalot.installer.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeploySettingsTest {

    @Test
    void everyProblemNamesItsField() {
        assertThatThrownBy(() -> DeploySettings.builder("not a host").httpsPort(0).upstream("localhost")
                .maxFileSizeMb(0).acmeWebroot(Path.of("relative")).serviceUser("Root!").build())
                .isInstanceOfSatisfying(InvalidSettings.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("domain: "))
                        .anyMatch(p -> p.startsWith("https-port: "))
                        .anyMatch(p -> p.startsWith("upstream: "))
                        .anyMatch(p -> p.startsWith("max-file-size-mb: "))
                        .anyMatch(p -> p.startsWith("webroot: "))
                        .anyMatch(p -> p.startsWith("service-user: ")));
    }

    @Test
    void publicUrlCarriesOnlyANonDefaultPort() {
        assertThat(DeploySettings.builder("chat.example.com").build().publicUrl())
                .isEqualTo("https://chat.example.com");
        assertThat(DeploySettings.builder("chat.example.com").httpsPort(8443).build().publicUrl())
                .isEqualTo("https://chat.example.com:8443");
    }

    @Test
    void httpAndHttpsPortsMustDiffer() {
        assertThatThrownBy(() -> DeploySettings.builder("chat.test").httpPort(443).build())
                .hasMessageContaining("http-port: must differ");
    }

    @Test
    void theListenAddressIsAnIpAddress() {
        assertThat(DeploySettings.builder("chat.lan").listenAddress("[fd00::5]").build().listenAddress())
                .contains("fd00::5");
        assertThatThrownBy(() -> DeploySettings.builder("chat.lan").listenAddress("chat.lan").build())
                .hasMessageContaining("listen-address: expected an IP address");
        assertThatThrownBy(() -> DeploySettings.builder("chat.lan").listenAddress("10.0.0.256").build())
                .hasMessageContaining("listen-address:");
    }

    @Test
    void aPlainHttpPortOfZeroMeansNone() {
        assertThat(DeploySettings.builder("chat.lan").httpPort(0).build().hasHttpPort()).isFalse();
        assertThatThrownBy(() -> DeploySettings.builder("chat.lan").httpPort(-1).build())
                .hasMessageContaining("http-port: expected a port from 1 to 65535, or 0 for none");
    }

    @Test
    void templateRefusesMissingAndUnusedValues() {
        Template template = Template.load("Caddyfile");
        assertThatThrownBy(() -> template.render(Map.of())).hasMessageContaining("no value for");
    }
}
