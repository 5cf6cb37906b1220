package org.chatalot.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.chatalot.model.ProductVersion;
import org.chatalot.testing.FreePorts;
import org.chatalot.testing.TempDirs;
import org.chatalot.testing.ToolResult;

/**
 * {@code chatalot-install upgrade} for real on an install made from the release archive, whose data directory
 * was made by 0.1.0: backup, swap, start, wait for the new version, roll-back steps. No systemd runs here, so a
 * stand-in {@code systemctl} on PATH starts and stops the installed server the way the unit would.
 */
class InstallerUpgradeIT {
    private static final String FAKE_SYSTEMCTL = """
            #!/usr/bin/env bash
            # systemctl start|stop SERVICE, for a box without systemd: runs $INSTALL_DIR/bin/chatalot in the background
            set -euo pipefail
            pidfile="$STATE_DIR/server.pid"
            case "$1" in
            start)
                nohup "$INSTALL_DIR/bin/chatalot" >>"$STATE_DIR/server.log" 2>&1 &
                echo $! >"$pidfile" ;;
            stop)
                if [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null; then
                    while kill -0 "$(cat "$pidfile")" 2>/dev/null; do sleep 0.2; done
                fi
                rm -f "$pidfile" ;;
            *) echo "fake systemctl: $*" >&2; exit 1 ;;
            esac
            """;

    @Test
    void upgradeBacksUpSwapsStartsAndSaysHowToRollBack() throws Exception {
        Path root = TempDirs.create("chatalot-upgrade-");
        Path install = root.resolve("opt/chatalot");
        Path data = root.resolve("data");
        Path bin = root.resolve("fake-bin");
        Files.createDirectories(install);
        Files.createDirectories(bin);
        Files.createDirectories(root.resolve("state"));
        ToolResult unpack = Programs.run("tar", "-xzf", Programs.ARCHIVE.toString(), "-C", install.toString(),
                "--strip-components=1");
        assertThat(unpack.exitCode()).as(unpack.output()).isZero();
        ToolResult fixture = Programs.run("unzip", "-q", Programs.REPOSITORY.resolve(
                "server/src/test/resources/upgrade/0.1.0/data.zip").toString(), "-d", data.toString());
        assertThat(fixture.exitCode()).as(fixture.output()).isZero();
        Path systemctl = bin.resolve("systemctl");
        Files.writeString(systemctl, FAKE_SYSTEMCTL);
        systemctl.toFile().setExecutable(true);
        int port = FreePorts.next();
        Map<String, String> environment = new HashMap<>(Map.of(
                "PATH", bin + ":" + System.getenv("PATH"),
                "INSTALL_DIR", install.toString(), "STATE_DIR", root.resolve("state").toString(),
                "DATA_DIR", data.toString(), "LISTEN_ADDR", "127.0.0.1:" + port,
                "LOCAL_ADMIN_ADDR", "127.0.0.1:" + FreePorts.next(),
                // a box with the Debian package's env file must not lend it to this test's launchers
                "CHATALOT_ENV_FILE", root.resolve("no-env-file").toString(),
                "CHATALOT_CACHE_DIR", root.resolve("cache").toString()));
        try {
            ToolResult upgrade = Programs.run(environment, install.resolve("bin/chatalot-install").toString(),
                    "upgrade", "--archive", Programs.ARCHIVE.toString(), "--install-dir", install.toString(),
                    "--upstream", "127.0.0.1:" + port, "--yes");

            assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
            assertThat(upgrade.output()).contains("SHA-256 matches", "No server answers on LOCAL_ADMIN_ADDR",
                    "Backup written: " + data.resolve("backups"), "done: " + ProductVersion.current() + " is running",
                    "To roll back to " + ProductVersion.current(), install + ".previous " + install,
                    install.resolve("bin/chatalot") + " admin restore " + data.resolve("backups"));
            assertThat(install.resolveSibling("chatalot.previous").resolve("chatalot-server.jar")).isRegularFile();
            HttpResponse<String> health = Programs.get(port, "/api/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains(ProductVersion.current());
            try (Stream<Path> backups = Files.list(data.resolve("backups"))) {
                assertThat(backups.filter(p -> p.toString().endsWith(".zip"))).hasSize(1);
            }
        } finally {
            Programs.run(environment, systemctl.toString(), "stop", "chatalot");
            TempDirs.deleteRecursively(root);
        }
    }
}
