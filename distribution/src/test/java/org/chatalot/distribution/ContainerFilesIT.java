package org.chatalot.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.proxy.TraefikLabels;
import org.chatalot.testing.FreePorts;
import org.chatalot.testing.TempDirs;
import org.chatalot.testing.ToolResult;

/**
 * The container files. No container runtime can run a container on this machine (podman builds, but
 * {@code podman run} is refused by the sandbox), so this tests what runs outside one: the entry point starting
 * the release, the health command against a healthy, a degraded and a stopped server, the Dockerfile's promises,
 * and docker-compose.yml against the override {@code chatalot-install traefik} writes.
 */
class ContainerFilesIT {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ENTRYPOINT = Programs.REPOSITORY.resolve("docker/entrypoint");
    private static final Path HEALTHCHECK = Programs.REPOSITORY.resolve("docker/healthcheck");

    @Test
    void theComposeServiceIsTheOneTheTraefikOverrideExtends() throws Exception {
        JsonNode compose = YAML.readTree(Programs.REPOSITORY.resolve("docker-compose.yml").toFile());
        DeploySettings settings = DeploySettings.builder("chat.example.com").dockerNetwork("proxy").build();
        JsonNode override = YAML.readTree(TraefikLabels.render(settings));

        assertThat(names(override.path("services"))).isEqualTo(names(compose.path("services")))
                .containsExactly("chatalot");
        JsonNode service = compose.path("services").path("chatalot");
        String listen = service.path("environment").path("LISTEN_ADDR").asText();
        String port = listen.substring(listen.lastIndexOf(':') + 1);
        assertThat(service.path("expose").get(0).asText()).isEqualTo(port);
        assertThat(override.path("services").path("chatalot").path("labels").toString())
                .contains("traefik.http.services.chatalot.loadbalancer.server.port=" + port)
                .contains("traefik.docker.network=proxy")
                .contains("Host(`chat.example.com`)");
        assertThat(service.path("environment").path("PUBLIC_URL").asText()).startsWith("https://${DEPLOY_DOMAIN");
        assertThat(override.path("networks").path("proxy").path("external").asBoolean()).isTrue();
        assertThat(service.has("networks")).as("the override alone picks the service's network").isFalse();
        assertThat(TraefikLabels.deployScript(Path.of("/srv/chatalot")).content())
                .contains("--output docker-compose.override.yml", "docker compose up -d");
    }

    @Test
    void theComposeServiceRunsReadOnlyWithItsDataInAVolume() throws Exception {
        JsonNode service = YAML.readTree(Programs.REPOSITORY.resolve("docker-compose.yml").toFile())
                .path("services").path("chatalot");

        assertThat(service.path("read_only").asBoolean()).isTrue();
        assertThat(service.path("tmpfs").toString()).contains("/tmp");
        assertThat(service.path("volumes").get(0).asText()).endsWith(":/var/lib/chatalot");
        assertThat(service.path("environment").path("DATA_DIR").asText()).isEqualTo("/var/lib/chatalot");
        assertThat(service.path("cap_drop").toString()).contains("ALL");
    }

    @Test
    void theDockerfileRunsUnprivilegedWithAVolumeAndAHealthCheck() throws Exception {
        List<String> lines = Files.readAllLines(Programs.REPOSITORY.resolve("Dockerfile"));

        assertThat(lines).contains("USER 10001:10001", "VOLUME [\"/var/lib/chatalot\"]", "EXPOSE 8080",
                "ENTRYPOINT [\"/opt/chatalot/docker/entrypoint\"]");
        assertThat(lines).anyMatch(line -> line.startsWith("HEALTHCHECK ")
                && line.endsWith("CMD [\"/opt/chatalot/docker/healthcheck\"]"));
        assertThat(lines).contains("COPY docker/entrypoint docker/healthcheck /opt/chatalot/docker/");
    }

    @Test
    void theEntryPointRunsTheReleaseAndTheHealthCommandFollowsIt() throws Exception {
        Path data = TempDirs.create("chatalot-container-data-");
        Path tmp = TempDirs.create("chatalot-container-tmp-");
        int port = FreePorts.next();
        Map<String, String> environment = new HashMap<>(Map.of("CHATALOT_HOME", Programs.RELEASE_DIR.toString(),
                "DATA_DIR", data.toString(), "LISTEN_ADDR", "127.0.0.1:" + port,
                "LOCAL_ADMIN_ADDR", "127.0.0.1:" + FreePorts.next(), "TMPDIR", tmp.toString()));
        try (Programs.Background server = Programs.start(environment, tmp.resolve("server.log"),
                ENTRYPOINT.toString())) {
            server.awaitOutput("Chatalot is running", Duration.ofMinutes(2));

            ToolResult healthy = Programs.run(environment, HEALTHCHECK.toString());
            assertThat(healthy.exitCode()).as(healthy.output()).isZero();

            assertThat(server.terminate(Duration.ofMinutes(1))).as("SIGTERM reaches the JVM: a clean exit")
                    .isIn(0, 143);
            server.awaitOutput("Stopped", Duration.ofSeconds(5));
            ToolResult stopped = Programs.run(environment, HEALTHCHECK.toString());
            assertThat(stopped.exitCode()).isEqualTo(1);
            assertThat(stopped.output()).contains("nothing listens on port " + port);
        } finally {
            TempDirs.deleteRecursively(data);
            TempDirs.deleteRecursively(tmp);
        }
    }

    @Test
    void aDegradedServerIsUnhealthy() throws Exception {
        HttpServer degraded = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        degraded.createContext("/api/health", exchange -> {
            byte[] body = "{\"status\":\"degraded\",\"db_healthy\":false}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        degraded.start();
        try {
            ToolResult result = Programs.run(Map.of("LISTEN_ADDR", "0.0.0.0:" + degraded.getAddress().getPort()),
                    HEALTHCHECK.toString());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.output()).contains("health: HTTP/1.1 503");
        } finally {
            degraded.stop(0);
        }
    }

    @Test
    void theEntryPointRefusesADataDirectoryItCannotWrite() throws Exception {
        Path file = Files.createTempFile("chatalot-not-a-dir-", ".txt");
        try {
            ToolResult result = Programs.run(Map.of("CHATALOT_HOME", Programs.RELEASE_DIR.toString(),
                    "DATA_DIR", file.resolve("data").toString()), ENTRYPOINT.toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.output()).contains("is not a folder this container's user", "mount a volume there");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
