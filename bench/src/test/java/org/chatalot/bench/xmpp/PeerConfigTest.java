package org.chatalot.bench.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class PeerConfigTest {

    @Test
    void ejabberdListensOnLoopbackOnlyWithoutShapersAndWithOpenRegistration() {
        String config = Ejabberd.config(5443);

        assertThat(config).contains("port: 5443", "ip: \"127.0.0.1\"", "/ws: ejabberd_http_ws", "shaper_rules: {}",
                "register: {allow: all}", "registration_timeout: infinity", "mod_muc:");
        assertThat(config).doesNotContain("0.0.0.0", "\"::\"", "ejabberd_c2s", "ejabberd_s2s_in");
    }

    @Test
    void ejabberdStartsWithOurConfigAndNeitherEjabberdctlNorErlangDistribution() {
        Path dir = Path.of("/tmp/x");
        Path config = dir.resolve("ejabberd.yml");

        assertThat(Ejabberd.command(dir)).first().isEqualTo("/usr/bin/erl");
        assertThat(Ejabberd.command(dir)).noneMatch(a -> a.contains("ejabberdctl") || a.equals("-sname")
                || a.equals("-name"));
        assertThat(Ejabberd.environment(dir, config)).containsEntry("EJABBERD_CONFIG_PATH", config.toString())
                .containsEntry("HOME", "/tmp/x");
    }

    @Test
    void prosodyListensOnLoopbackOnlyWithWebSocketAndAnUnlockedMucComponent() {
        String config = Prosody.config(Path.of("/tmp/p"), 5280, 5222);

        assertThat(config).contains("http_interfaces = { \"127.0.0.1\" }", "c2s_interfaces = { \"127.0.0.1\" }",
                "http_ports = { 5280 }", "\"websocket\"", "https_ports = {}", "s2s_ports = {}",
                "Component \"conference.localhost\" \"muc\"", "muc_room_locking = false", "allow_registration = true");
        assertThat(config).doesNotContain("\"*\"", "\"::\"", "0.0.0.0");
    }
}
