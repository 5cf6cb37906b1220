package org.chatalot.admin.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.model.ProductVersion;
import org.chatalot.testing.ExternalTools;
import org.chatalot.testing.ToolResult;

/**
 * The admin app as jpackage built it (profile app-package): it carries its own Java runtime, so it runs with no
 * JDK on PATH and no JAVA_HOME. As root (CI) the .deb is installed with dpkg, started from /opt/chatalot-admin
 * under Xvfb until its window shows, photographed, and purged; elsewhere the app image is started instead.
 */
class PackagedAppIT {
    private static final Path DIR = Path.of(System.getProperty("chatalot.jpackage.dir", "target/jpackage"));
    private static final Path SCREENSHOT = DIR.resolve("admin-app-packaged.png");
    private static final String NUMERIC_VERSION = ProductVersion.current().replaceFirst("-.*", "");
    private static final Map<String, String> NO_JAVA = Map.of("PATH", "/nonexistent", "JAVA_HOME", "");

    @TempDir
    Path home;

    /** The packages exist only when the build ran with -Papp-package, as ./run-tests does. */
    @BeforeEach
    void requirePackages() {
        if (System.getProperty("chatalot.jpackage.dir") == null) {
            Assumptions.abort("the app packages are built with -Papp-package (./run-tests turns it on)");
        }
    }

    @Test
    void theAppImageRunsOnItsOwnRuntimeWithoutAnyJdk() throws IOException {
        Path launcher = DIR.resolve("chatalot-admin/bin/chatalot-admin");

        ToolResult version = run(NO_JAVA, launcher.toString(), "--version");

        assertThat(version.output().strip()).isEqualTo("chatalot-admin (" + ProductVersion.line() + ")");
        String release = Files.readString(DIR.resolve("chatalot-admin/lib/runtime/release"));
        assertThat(release).contains("javafx.controls", "java.net.http");
    }

    @Test
    void theDebInstallsAndTheAppOpensItsWindowWithoutAJdk() throws Exception {
        Path deb = DIR.resolve("chatalot-admin_" + NUMERIC_VERSION + "_amd64.deb");
        ToolResult fields = run(Map.of(), "dpkg-deb", "-f", deb.toString(), "Package", "Version");
        assertThat(fields.output()).contains("Package: chatalot-admin", "Version: " + NUMERIC_VERSION);
        ExternalTools.require("xvfb-run");
        ExternalTools.require("xwininfo");
        ExternalTools.require("import");

        if (isRoot()) {
            requireNotInstalled();
            List<Path> madeMenuFolders = menuFolders();
            try {
                ToolResult install = run(Map.of(), "dpkg", "-i", "--force-depends", deb.toString());
                assertThat(install.exitCode()).as(install.output()).isZero();
                assertThat(Path.of("/opt/chatalot-admin/bin/chatalot-admin")).isExecutable();
                photograph(Path.of("/opt/chatalot-admin/bin/chatalot-admin"));
            } finally {
                run(Map.of(), "dpkg", "--purge", "chatalot-admin");
                for (Path folder : madeMenuFolders) {
                    run(Map.of(), "rm", "-rf", folder.toString());
                }
            }
            assertThat(Path.of("/opt/chatalot-admin")).doesNotExist();
        } else {
            if (ExternalTools.isCi()) {
                Assertions.fail("installing the .deb needs root, and CI runs as root");
            }
            photograph(DIR.resolve("chatalot-admin/bin/chatalot-admin"));
        }
    }

    /** Starts the app on a fresh Xvfb display, waits for its window, takes a screenshot, stops it. */
    private void photograph(Path launcher) throws IOException {
        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);
        Path script = home.resolve("photograph.sh");
        Files.writeString(script, String.join("\n",
                "#!/bin/bash",
                "env -u JAVA_HOME PATH=/nonexistent HOME='" + home + "' '" + launcher + "' >'" + home
                        + "/app.log' 2>&1 &",
                "app=$!",
                "for _ in $(seq 1 600); do",
                "    xwininfo -root -tree | grep -q '\"Chatalot Admin " + ProductVersion.current() + "\"' && break",
                "    kill -0 $app 2>/dev/null || { echo 'the app exited'; cat '" + home + "/app.log'; exit 1; }",
                "    sleep 0.2",
                "done",
                "xwininfo -root -tree | grep '\"Chatalot Admin'",
                // the window is mapped before JavaFX paints it: wait until the screen is no longer one colour
                "for _ in $(seq 1 100); do",
                "    import -window root '" + SCREENSHOT + "'",
                "    [ \"$(identify -format %k '" + SCREENSHOT + "')\" -gt 50 ] && break",
                "    sleep 0.2",
                "done",
                "kill $app; wait $app",
                "exit 0", ""));
        script.toFile().setExecutable(true);

        ToolResult shot = ToolResult.run(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24", script.toString()),
                Duration.ofMinutes(3));

        assertThat(shot.exitCode()).as(shot.output()).isZero();
        assertThat(shot.output()).contains("\"Chatalot Admin " + ProductVersion.current() + "\"");
        assertThat(distinctColours(SCREENSHOT)).as("the login screen, painted").isGreaterThan(50);
    }

    /**
     * The package's scripts add (and remove) a menu entry with xdg-desktop-menu, which needs a desktop's menu
     * folders; a headless box has none. Makes the missing ones and returns them, to be removed afterwards.
     */
    private static List<Path> menuFolders() throws IOException {
        List<Path> made = new java.util.ArrayList<>();
        for (Path folder : List.of(Path.of("/etc/xdg/menus"), Path.of("/usr/share/desktop-directories"))) {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                made.add(folder);
            }
        }
        return made;
    }

    private static int distinctColours(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static void requireNotInstalled() {
        String status = run(Map.of(), "dpkg-query", "-W", "-f=${Status}", "chatalot-admin").output();
        if (!status.contains("not-installed") && !status.contains("no packages found")) {
            Assertions.fail("chatalot-admin is installed on this machine; this test installs and purges it, so it "
                    + "will not run here. Remove it first: dpkg --purge chatalot-admin");
        }
    }

    private static boolean isRoot() {
        return "0".equals(run(Map.of(), "id", "-u").output().strip());
    }

    private static ToolResult run(Map<String, String> environment, String... command) {
        return ToolResult.run(List.of(command), environment, Duration.ofMinutes(2));
    }
}
