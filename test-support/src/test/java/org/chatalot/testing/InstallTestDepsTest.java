package org.chatalot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * scripts/install-test-deps blocks service start-up only while it installs: Debian's policy-rc.d hook it
 * creates is gone afterwards, whether apt-get succeeded or failed, and a hook the machine already had stays.
 * apt-get is a stand-in that records whether the hook was in place when it ran.
 */
class InstallTestDepsTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "install-test-deps");
    private Path root;
    private Path hook;
    private Path aptLog;

    @BeforeEach
    void copyTheScriptBesideAStandInAptGet() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "the script installs only as root");
        root = TempDirs.create("install-test-deps-");
        Files.createDirectories(root.resolve("scripts"));
        Files.copy(SCRIPT, root.resolve("scripts/install-test-deps"), StandardCopyOption.COPY_ATTRIBUTES);
        // the browser packages count as installed, so the script runs no npm
        Files.createDirectories(root.resolve("e2e/browser/node_modules/playwright-core"));
        hook = root.resolve("policy-rc.d");
        aptLog = root.resolve("apt.log");
        Path apt = root.resolve("apt-get");
        Files.writeString(apt, """
                #!/bin/sh
                echo "$* hook:$(cat '%s' 2>/dev/null | tr '\\n' ' ')" >> '%s'
                [ "$1" = install ] && exit "${STAND_IN_APT_STATUS:-0}"
                exit 0
                """.formatted(hook, aptLog));
        Files.setPosixFilePermissions(apt, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void cleanUp() {
        if (root != null) {
            TempDirs.deleteRecursively(root);
        }
    }

    @Test
    void theHookBlocksServicesDuringTheInstallAndIsGoneAfterIt() throws Exception {
        assertThat(run(0)).isZero();

        assertThat(Files.readAllLines(aptLog)).anySatisfy(line -> assertThat(line)
                .startsWith("install -y -qq --no-install-recommends chatalot-stand-in").contains("exit 101"));
        assertThat(hook).doesNotExist();
    }

    @Test
    void aFailedInstallRemovesTheHookToo() throws Exception {
        assertThat(run(100)).isNotZero();

        assertThat(Files.readString(aptLog)).contains("install -y");
        assertThat(hook).doesNotExist();
    }

    @Test
    void aHookTheMachineAlreadyHadIsLeftAlone() throws Exception {
        Files.writeString(hook, "#!/bin/sh\nexit 0\n");

        assertThat(run(0)).isZero();

        assertThat(hook).hasContent("#!/bin/sh\nexit 0");
    }

    private int run(int aptStatus) throws IOException, InterruptedException {
        Path output = root.resolve("output.log");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash",
                root.resolve("scripts/install-test-deps").toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(Map.of("POLICY_RC_D", hook.toString(),
                "APT_GET", root.resolve("apt-get").toString(),
                "REQUIRED_PROGRAMS", "chatalot-no-such-program:chatalot-stand-in",
                "STAND_IN_APT_STATUS", Integer.toString(aptStatus)));
        Process process = builder.start();
        if (!process.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("install-test-deps still running:\n" + read(output));
        }
        return process.exitValue();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
