package org.chatalot.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.SQLException;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.health.Health;
import org.chatalot.model.health.Readiness;
import org.chatalot.server.testing.TestServer;
import org.chatalot.testing.TempDirs;

/**
 * The database runs as a separate H2 TCP server (as a PostgreSQL would), so the test can take it away
 * for real and watch the probes turn 503, then bring it back and watch them recover.
 */
class DegradedHealthIT {
    private static final java.nio.file.Path DB_DIR = TempDirs.create("chatalot-h2tcp-");
    private static Server database = startDatabase(0);
    private static final int DB_PORT = database.getPort();

    @RegisterExtension
    static TestServer server = TestServer.create()
            .with("DATABASE_URL", "jdbc:h2:tcp://127.0.0.1:" + DB_PORT + "/chatalot");

    @AfterAll
    static void stopDatabase() {
        database.stop();
        TempDirs.deleteRecursively(DB_DIR);
    }

    @Test
    void databaseOutageMakesHealthAndReadinessAnswer503ThenRecover() {
        assertThat(server.get("/api/health").statusCode()).isEqualTo(200);

        database.stop();
        HttpResponse<String> health = server.get("/api/health");
        HttpResponse<String> ready = server.get("/api/health/ready");
        HttpResponse<String> live = server.get("/api/health/live");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(server.read(health, Health.class)).satisfies(h -> {
            assertThat(h.status()).isEqualTo("degraded");
            assertThat(h.dbHealthy()).isFalse();
        });
        assertThat(ready.statusCode()).isEqualTo(503);
        Readiness readiness = server.read(ready, Readiness.class);
        assertThat(readiness.status()).isEqualTo("not_ready");
        assertThat(readiness.checks()).filteredOn(check -> check.name().equals("database"))
                .singleElement().satisfies(check -> assertThat(check.ok()).isFalse());
        assertThat(live.statusCode()).as("the process itself is fine").isEqualTo(200);

        database = startDatabase(DB_PORT);
        assertThat(server.get("/api/health").statusCode()).isEqualTo(200);
        assertThat(server.get("/api/health/ready").statusCode()).isEqualTo(200);
    }

    private static Server startDatabase(int port) {
        try {
            return Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", DB_DIR.toString(),
                    "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
