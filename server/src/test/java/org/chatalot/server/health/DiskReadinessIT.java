package org.chatalot.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.health.Readiness;
import org.chatalot.server.testing.TestServer;

class DiskReadinessIT {
    @RegisterExtension
    static TestServer server = TestServer.create().with("MIN_FREE_DISK_MB", "1999999999");

    @Test
    void tooLittleFreeSpaceMakesTheServerNotReadyButStillHealthy() {
        HttpResponse<String> ready = server.get("/api/health/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(server.read(ready, Readiness.class).checks())
                .filteredOn(check -> check.name().equals("disk")).singleElement()
                .satisfies(check -> {
                    assertThat(check.ok()).isFalse();
                    assertThat(check.detail()).contains("MIN_FREE_DISK_MB");
                });
        assertThat(server.get("/api/health").statusCode()).isEqualTo(200);
    }
}
