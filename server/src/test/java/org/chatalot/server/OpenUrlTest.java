package org.chatalot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.chatalot.server.config.HostPort;

class OpenUrlTest {

    @Test
    void aListenerOnEveryInterfaceIsOpenedAsLocalhost() {
        assertThat(OpenUrl.line(Optional.empty(), new HostPort("0.0.0.0", 8080), 8080))
                .isEqualTo("Chatalot is running: open http://localhost:8080");
        assertThat(OpenUrl.line(Optional.empty(), new HostPort("::", 8080), 8080))
                .isEqualTo("Chatalot is running: open http://localhost:8080");
    }

    @Test
    void aSpecificAddressAndTheActualPortAreShownAsTheyAre() {
        assertThat(OpenUrl.line(Optional.empty(), new HostPort("127.0.0.1", 0), 41234))
                .isEqualTo("Chatalot is running: open http://127.0.0.1:41234");
        assertThat(OpenUrl.line(Optional.empty(), new HostPort("::1", 9000), 9000))
                .isEqualTo("Chatalot is running: open http://[::1]:9000");
        assertThat(OpenUrl.line(Optional.empty(), new HostPort("192.168.1.20", 80), 80))
                .isEqualTo("Chatalot is running: open http://192.168.1.20");
    }

    @Test
    void thePublicUrlComesFirstWhenSet() {
        assertThat(OpenUrl.line(Optional.of(URI.create("https://chat.example.com")), new HostPort("127.0.0.1", 8080),
                8080)).isEqualTo("Chatalot is running: open https://chat.example.com "
                        + "(your proxy serves it from http://127.0.0.1:8080)");
    }
}
