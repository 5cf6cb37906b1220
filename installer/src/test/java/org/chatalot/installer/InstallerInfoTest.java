package org.chatalot.installer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstallerInfoTest {

    @Test
    void proxiesWebSocketsOnTheServersPath() {
        assertThat(InstallerInfo.webSocketPath()).isEqualTo("/ws");
        assertThat(InstallerInfo.DEFAULT_UPSTREAM).endsWith(":8080");
    }
}
