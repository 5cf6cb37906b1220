package org.chatalot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminInfoTest {

    @Test
    void pollsTheServersHealthEndpoint() {
        assertThat(AdminInfo.healthPath()).isEqualTo("/api/health");
        assertThat(AdminInfo.webSocketPath()).isEqualTo("/ws");
    }
}
