package org.chatalot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.admin.AdminInfo;
import org.chatalot.server.testing.TestServer;

/** The admin app's view of the endpoints matches what the real server serves. */
class ServerHealthEndToEndIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void adminAppHealthPathIsServed() {
        assertThat(server.get(AdminInfo.healthPath()).statusCode()).isEqualTo(200);
    }
}
