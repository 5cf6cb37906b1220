package org.chatalot.installer.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.chatalot.installer.exec.Command;
import org.chatalot.installer.exec.FileInstaller;
import org.chatalot.installer.exec.SystemShell;
import org.chatalot.installer.plan.FileMode;
import org.chatalot.installer.plan.RenderedFile;
import org.chatalot.testing.TempDirs;

class ProxyApplyTest {
    private final Path dir = TempDirs.create("apply-");
    private final StringWriter log = new StringWriter();
    private final ProxyApply apply = new ProxyApply(new SystemShell(Duration.ofSeconds(5)), Clock.systemUTC(),
            new PrintWriter(log, true));

    @AfterEach
    void cleanUp() {
        TempDirs.deleteRecursively(dir);
    }

    private ProxyApply.Proxy proxy(boolean valid) {
        Path marker = dir.resolve("reloaded");
        return new ProxyApply.Proxy("fake", Command.of(valid ? "true" : "false"),
                Command.of("touch", marker.toString()));
    }

    @Test
    void rejectedConfigIsRolledBackAndNotReloaded() throws Exception {
        Path site = Files.writeString(dir.resolve("site.conf"), "good\n");
        assertThatThrownBy(() -> apply.apply(new RenderedFile(site, "bad\n", FileMode.PUBLIC),
                Optional.empty(), proxy(false))).isInstanceOf(StepFailed.class).hasMessageContaining("rolled back");
        assertThat(Files.readString(site)).isEqualTo("good\n");
        assertThat(dir.resolve("reloaded")).doesNotExist();
    }

    @Test
    void newRejectedConfigIsRemovedWithItsLink() {
        Path site = dir.resolve("available/site.conf");
        Path link = dir.resolve("enabled/site.conf");
        assertThatThrownBy(() -> apply.apply(new RenderedFile(site, "bad\n", FileMode.PUBLIC), Optional.of(link),
                proxy(false))).isInstanceOf(StepFailed.class);
        assertThat(site).doesNotExist();
        assertThat(Files.isSymbolicLink(link)).isFalse();
    }

    @Test
    void changedConfigIsEnabledAndReloadedButAnUnchangedOneIsNot() throws Exception {
        RenderedFile site = new RenderedFile(dir.resolve("available/site.conf"), "v1\n", FileMode.PUBLIC);
        Path link = dir.resolve("enabled/site.conf");
        assertThat(apply.apply(site, Optional.of(link), proxy(true)).outcome())
                .isEqualTo(FileInstaller.Outcome.CREATED);
        assertThat(Files.readSymbolicLink(link)).isEqualTo(site.path());
        Files.delete(dir.resolve("reloaded"));
        assertThat(apply.apply(site, Optional.of(link), proxy(true)).isChanged()).isFalse();
        assertThat(dir.resolve("reloaded")).doesNotExist();
        assertThat(log.toString()).contains("unchanged: nothing to reload");
    }

    @Test
    void aMissingProxyProgramIsReportedAsMissingNotAsARejection() throws Exception {
        Path site = Files.writeString(dir.resolve("site.conf"), "good\n");
        ProxyApply.Proxy missing = new ProxyApply.Proxy("nginx", Command.of(dir.resolve("no-such-nginx").toString(),
                "-t"), Command.of("true"));
        assertThatThrownBy(() -> apply.apply(new RenderedFile(site, "new\n", FileMode.PUBLIC), Optional.empty(),
                missing)).isInstanceOf(StepFailed.class).hasMessageStartingWith("nginx was not found: could not run ")
                .hasMessageContaining("--nginx").hasMessageNotContaining("rejected");
        assertThat(Files.readString(site)).as("rolled back all the same").isEqualTo("good\n");
    }
}
