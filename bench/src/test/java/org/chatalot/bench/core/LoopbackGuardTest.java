package org.chatalot.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LoopbackGuardTest {
    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when "
            + "retrnsmt   uid  timeout inode";

    @Test
    void aListenerOnAllInterfacesIsReported() {
        List<String> table = List.of(HEADER,
                "   0: 00000000:1466 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1",
                "   1: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4343 1");

        assertThat(LoopbackGuard.exposedListeners(table, Set.of("4242", "4343"))).containsExactly("00000000:1466");
    }

    @Test
    void otherProcessesSocketsAndConnectedSocketsAreIgnored() {
        List<String> table = List.of(HEADER,
                "   0: 00000000:1466 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1",
                "   1: 0A000001:9C40 0A000002:01BB 01 00000000:00000000 00:00000000 00000000     0        0 4343 1");

        assertThat(LoopbackGuard.exposedListeners(table, Set.of("4343"))).isEmpty();
    }

    @Test
    void loopbackAddressesInEveryFormAreLoopback() {
        assertThat(LoopbackGuard.isLoopback("0100007F:1F90")).isTrue();
        assertThat(LoopbackGuard.isLoopback("00000000000000000000000001000000:1F90")).isTrue();
        assertThat(LoopbackGuard.isLoopback("0000000000000000FFFF00000100007F:1F90")).isTrue();
        assertThat(LoopbackGuard.isLoopback("00000000:1F90")).isFalse();
        assertThat(LoopbackGuard.isLoopback("00000000000000000000000000000000:1F90")).isFalse();
    }

    @Test
    void thisProcessListeningOnLoopbackPasses() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LoopbackGuard.requireLoopbackOnly(ProcessHandle.current(), "the test JVM");
            assertThat(socket.isBound()).isTrue();
        }
    }
}
