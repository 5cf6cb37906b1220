package org.chatalot.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.systemd.SystemdService;
import org.chatalot.model.ProductVersion;
import org.chatalot.testing.FreePorts;
import org.chatalot.testing.TempDirs;
import org.chatalot.testing.ToolResult;

/** chatalot-VERSION.tar.gz as an operator gets it: checksum, contents, and the server run from it unpacked. */
class ReleaseArchiveIT {
    private static Path unpacked;

    @BeforeAll
    static void unpack() {
        unpacked = TempDirs.create("chatalot-archive-");
        ToolResult tar = Programs.run("tar", "-xzf", Programs.ARCHIVE.toString(), "-C", unpacked.toString());
        assertThat(tar.exitCode()).as(tar.output()).isZero();
    }

    @AfterAll
    static void remove() {
        TempDirs.deleteRecursively(unpacked);
    }

    @Test
    void theArchiveIsNamedForTheVersionAndMatchesItsChecksumFile() throws Exception {
        String name = "chatalot-" + ProductVersion.current() + ".tar.gz";
        assertThat(Programs.ARCHIVE.getFileName().toString()).isEqualTo(name);

        String line = Files.readString(Programs.ARCHIVE.resolveSibling(name + ".sha256")).strip();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(Programs.ARCHIVE)) {
            in.transferTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), sha256));
        }
        assertThat(line).isEqualTo(HexFormat.of().formatHex(sha256.digest()) + "  " + name);
        ToolResult check = Programs.run(Map.of(), "sh", "-c", "cd '" + Programs.ARCHIVE.getParent()
                + "' && sha256sum -c '" + name + ".sha256'");
        assertThat(check.output()).contains(name + ": OK");
    }

    @Test
    void itHoldsTheServerWithEveryLibraryItsManifestNamesTheInstallerUnitEnvAndDocs() throws Exception {
        Path root = release();
        try (JarFile jar = new JarFile(root.resolve("chatalot-server.jar").toFile())) {
            String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            for (String entry : classPath.split(" ")) {
                assertThat(root.resolve(entry)).as("server library " + entry).isRegularFile();
            }
        }
        try (JarFile jar = new JarFile(root.resolve("installer/chatalot-install.jar").toFile())) {
            String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            for (String entry : classPath.split(" ")) {
                assertThat(root.resolve("installer").resolve(entry)).as("installer library " + entry).isRegularFile();
            }
        }
        for (String program : List.of("bin/chatalot", "bin/chatalot-install", "bin/chatalot-java")) {
            assertThat(Files.isExecutable(root.resolve(program))).as(program).isTrue();
        }
        assertThat(root.resolve("systemd/chatalot.service")).isRegularFile();
        assertThat(root.resolve("chatalot.env.example")).isRegularFile();
        assertThat(root.resolve("docs/operations.md")).isRegularFile();
        assertThat(root.resolve("CHANGELOG.md")).content().contains("## [0.1.0]");
    }

    @Test
    void everyProgramPrintsTheOneProductVersion() {
        ToolResult server = Programs.run(release().resolve("bin/chatalot").toString(), "--version");
        ToolResult installer = Programs.run(release().resolve("bin/chatalot-install").toString(), "--version");

        assertThat(server.output().strip()).isEqualTo("Chatalot " + ProductVersion.current());
        assertThat(installer.output().strip())
                .isEqualTo("chatalot-install (Chatalot " + ProductVersion.current() + ")");
    }

    @Test
    void thePackagedUnitIsTheOneTheInstallerWritesForOptChatalot() throws Exception {
        DeploySettings settings = DeploySettings.builder("chat.example.com").installDir(Path.of("/opt/chatalot"))
                .java(Path.of("/opt/chatalot/bin/chatalot-java")).build();

        assertThat(withoutFirstLine(Files.readString(release().resolve("systemd/chatalot.service"))))
                .isEqualTo(withoutFirstLine(SystemdService.unit(settings)));
    }

    @Test
    void theExampleEnvironmentIsValidServerConfiguration() throws Exception {
        Map<String, String> environment = Files.readAllLines(release().resolve("chatalot.env.example")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1)));

        assertThat(environment).containsEntry("DATA_DIR", "/var/lib/chatalot").containsKey("LISTEN_ADDR");
        assertThat(org.chatalot.server.config.ConfigLoader.load(environment).config().storage().dataDir())
                .isEqualTo(Path.of("/var/lib/chatalot"));
    }

    @Test
    void theUnpackedServerStartsAnswersHealthBacksUpAndStopsCleanly() throws Exception {
        Path data = TempDirs.create("chatalot-archive-data-");
        int port = FreePorts.next();
        int localPort = FreePorts.next();
        Map<String, String> environment = new HashMap<>(Map.of("DATA_DIR", data.toString(),
                "LISTEN_ADDR", "127.0.0.1:" + port, "LOCAL_ADMIN_ADDR", "127.0.0.1:" + localPort,
                "CHATALOT_CACHE_DIR", data.resolveSibling(data.getFileName() + "-cache").toString()));
        try (Programs.Background server = Programs.start(environment, data.resolveSibling(data.getFileName() + ".log"),
                release().resolve("bin/chatalot").toString())) {
            server.awaitOutput("Chatalot is running", Duration.ofMinutes(2));

            HttpResponse<String> health = Programs.get(port, "/api/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"version\":\"" + ProductVersion.current() + "\"");
            ToolResult backup = Programs.run(environment, release().resolve("bin/chatalot").toString(), "admin",
                    "backup");
            assertThat(backup.exitCode()).as(backup.output()).isZero();
            assertThat(backup.output()).contains("Backup written: " + data.resolve("backups"));

            server.terminate(Duration.ofMinutes(1));
            server.awaitOutput("Stopped", Duration.ofSeconds(5));
        } finally {
            TempDirs.deleteRecursively(data);
            TempDirs.deleteRecursively(data.resolveSibling(data.getFileName() + "-cache"));
            Files.deleteIfExists(data.resolveSibling(data.getFileName() + ".log"));
        }
    }

    private static Path release() {
        return unpacked.resolve("chatalot-" + ProductVersion.current());
    }

    private static String withoutFirstLine(String text) {
        return Arrays.stream(text.split("\n", 2)).skip(1).findFirst().orElse("");
    }
}
