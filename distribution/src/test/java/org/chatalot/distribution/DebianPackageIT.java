package org.chatalot.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.chatalot.model.ProductVersion;
import org.chatalot.testing.ExternalTools;
import org.chatalot.testing.FreePorts;
import org.chatalot.testing.ToolResult;

/**
 * chatalot_VERSION_all.deb: its control data, then a real {@code dpkg -i} on this machine (root only; CI runs as
 * root), an upgrade over the previous release's data directory, the server started from the package as the
 * chatalot user with its environment file, {@code dpkg -r} (data kept) and {@code dpkg --purge} (data gone).
 * Without systemd here, the test starts the server itself and stops it; nothing is left installed or running.
 */
class DebianPackageIT {
    private static final Path DATA = Path.of("/var/lib/chatalot");
    private static final Path ENV_FILE = Path.of("/etc/chatalot/chatalot.env");
    private static final Path FIXTURE = Programs.REPOSITORY.resolve("server/src/test/resources/upgrade/0.1.0");

    @Test
    void controlDataNamesTheVersionAJavaRuntimeAndTheConffile() {
        Path deb = deb();
        ToolResult fields = Programs.run("dpkg-deb", "-f", deb.toString(), "Package", "Version", "Architecture",
                "Depends");
        ToolResult conffiles = Programs.run("dpkg-deb", "--info", deb.toString(), "conffiles");
        ToolResult contents = Programs.run("dpkg-deb", "--contents", deb.toString());

        assertThat(fields.output()).contains("Package: chatalot", "Version: " + debianVersion(),
                "Architecture: all", "java21-runtime-headless", "openjdk-21-jre-headless");
        assertThat(conffiles.output().strip()).isEqualTo(ENV_FILE.toString());
        assertThat(contents.output()).containsPattern("-rw------- root/root .* \\./etc/chatalot/chatalot\\.env")
                .containsPattern("-rwxr-xr-x root/root .* \\./opt/chatalot/bin/chatalot\n")
                .contains("./opt/chatalot/chatalot-server.jar", "./lib/systemd/system/chatalot.service",
                        "./usr/bin/chatalot -> /opt/chatalot/bin/chatalot");
    }

    @Test
    void installUpgradeRunRemoveAndPurge() throws Exception {
        requireRootAndDpkg();
        try (FileChannel channel = FileChannel.open(Path.of("/tmp/chatalot-deb-test.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            requireNoChatalotOnThisMachine();
            try {
                installUpgradeRunRemoveAndPurgeUnderLock();
            } finally {
                Programs.run("dpkg", "--purge", "chatalot");
            }
        }
    }

    private void installUpgradeRunRemoveAndPurgeUnderLock() throws Exception {
        ToolResult install = dpkgInstall();
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(install.output()).contains("chatalot: installed.");
        assertThat(Programs.run("getent", "passwd", "chatalot").output()).contains("/var/lib/chatalot")
                .contains("/usr/sbin/nologin");
        assertOwnerAndMode(DATA, "chatalot", "rwx------");
        assertOwnerAndMode(ENV_FILE, "root", "rw-------");

        // The previous release's data directory, as a box that ran 0.1.0 has it; reinstalling is an upgrade.
        ToolResult unzip = Programs.run("unzip", "-q", "-o", FIXTURE.resolve("data.zip").toString(), "-d",
                DATA.toString());
        assertThat(unzip.exitCode()).as(unzip.output()).isZero();
        Programs.run("chown", "-R", "chatalot:chatalot", DATA.toString());
        ToolResult upgrade = dpkgInstall();
        assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
        assertThat(upgrade.output()).contains("backing up /var/lib/chatalot before the new version migrates it",
                "Backup written: /var/lib/chatalot/backups/chatalot-backup-", "to roll back to");
        try (Stream<Path> backups = Files.list(DATA.resolve("backups"))) {
            Path archive = backups.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
            assertOwnerAndMode(archive, "chatalot", "rw-------");
        }

        runTheInstalledServer();

        ToolResult remove = Programs.run("dpkg", "--remove", "chatalot");
        assertThat(remove.exitCode()).as(remove.output()).isZero();
        assertThat(remove.output()).contains("Your data stays in /var/lib/chatalot");
        assertThat(DATA.resolve("chatalot.mv.db")).exists();
        assertThat(ENV_FILE).exists();
        assertThat(Path.of("/opt/chatalot/chatalot-server.jar")).doesNotExist();

        ToolResult purge = Programs.run("dpkg", "--purge", "chatalot");
        assertThat(purge.exitCode()).as(purge.output()).isZero();
        assertThat(purge.output()).contains("purging deletes /var/lib/chatalot (the database, uploaded files, keys "
                + "and backups)");
        assertThat(DATA).doesNotExist();
        assertThat(ENV_FILE).doesNotExist();
        assertThat(Programs.run("getent", "passwd", "chatalot").exitCode()).isNotZero();
    }

    /**
     * As root, /usr/bin/chatalot reads the environment file and runs as the chatalot user, as the service does.
     * The ports are moved off 8080/9090 (other servers may hold them on a shared machine): set variables win.
     */
    private void runTheInstalledServer() throws Exception {
        int port = FreePorts.next();
        int localPort = FreePorts.next();
        Map<String, String> ports = Map.of("LISTEN_ADDR", "127.0.0.1:" + port,
                "LOCAL_ADMIN_ADDR", "127.0.0.1:" + localPort);
        Path log = Files.createTempFile("chatalot-deb-server-", ".log");
        try (Programs.Background server = Programs.start(ports, log, "/usr/bin/chatalot")) {
            server.awaitOutput("Chatalot is running", Duration.ofMinutes(2));

            HttpResponse<String> health = Programs.get(port, "/api/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"version\":\"" + ProductVersion.current() + "\"");
            assertOwnerAndMode(DATA.resolve("local-admin.token"), "chatalot", "rw-------");
            assertThat(signIn(port, "olivia", fixture().path("users").path("olivia").path("password").asText()))
                    .as("the 0.1.0 owner signs in after the upgrade").isEqualTo(200);
            ToolResult users = Programs.run(ports, "/usr/bin/chatalot", "admin", "list-users");
            assertThat(users.output()).contains("olivia", "bob");

            server.terminate(Duration.ofMinutes(1));
            server.awaitOutput("Stopped", Duration.ofSeconds(5));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static ToolResult dpkgInstall() {
        // This machine's JDK is not a Debian package: dpkg would refuse the Java dependency it cannot see.
        boolean javaPackaged = Programs.run("dpkg-query", "-W", "-f=${Status}", "openjdk-21-jre-headless")
                .output().contains("install ok installed");
        return javaPackaged ? Programs.run("dpkg", "-i", deb().toString())
                : Programs.run("dpkg", "-i", "--force-depends", deb().toString());
    }

    private static int signIn(int port, String username, String password) throws Exception {
        String body = new ObjectMapper().writeValueAsString(Map.of("username", username, "password", password));
        return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode fixture() throws IOException {
        try (InputStream in = Files.newInputStream(FIXTURE.resolve("fixture.json"))) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static void assertOwnerAndMode(Path path, String owner, String mode) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class);
        assertThat(attributes.owner().getName()).as(path + " owner").isEqualTo(owner);
        assertThat(PosixFilePermissions.toString(attributes.permissions())).as(path + " mode").isEqualTo(mode);
    }

    /** Installing needs root; a developer's box without it skips, CI (root) must run it. */
    private static void requireRootAndDpkg() {
        ExternalTools.require("dpkg");
        ExternalTools.require("runuser");
        boolean root = "0".equals(Programs.run("id", "-u").output().strip());
        if (!root) {
            if (ExternalTools.isCi()) {
                Assertions.fail("installing the package needs root, and CI runs as root");
            }
            Assumptions.abort("installing the package needs root");
        }
    }

    /** Never touch a real installation: refuse if Chatalot is already installed or its paths exist. */
    private static void requireNoChatalotOnThisMachine() {
        String status = Programs.run("dpkg-query", "-W", "-f=${Status}", "chatalot").output();
        boolean installed = !status.contains("not-installed") && !status.contains("no packages found");
        boolean traces = Files.exists(Path.of("/opt/chatalot")) || Files.exists(DATA) || Files.exists(ENV_FILE)
                || Programs.run("getent", "passwd", "chatalot").exitCode() == 0;
        if (installed || traces) {
            Assertions.fail("Chatalot is already installed on this machine (package, /opt/chatalot, /var/lib/chatalot,"
                    + " /etc/chatalot or the chatalot user): this test installs and purges the package, so it will "
                    + "not run here. Remove it first: dpkg --purge chatalot");
        }
    }

    private static Path deb() {
        return Programs.BUILD_DIR.resolve("chatalot_" + debianVersion() + "_all.deb");
    }

    /** jdeb's rule: a Maven -SNAPSHOT sorts before the release, as Debian's ~ does. */
    private static String debianVersion() {
        return ProductVersion.current().replace("-SNAPSHOT", "~SNAPSHOT");
    }
}
