package org.chatalot.bench.chatalot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JVM options of every server under test, with {@code --jvm-options} after them, as server-jvm.sh does. */
class ServerProcessTest {

    @AfterEach
    void clearExtraOptions() {
        System.clearProperty(ServerProcess.EXTRA_JVM_OPTIONS_PROPERTY);
    }

    @Test
    void theServersRunTheSerialCollectorAsTheLaunchersDo() {
        assertThat(ServerProcess.jvmOptions()).isEqualTo(ServerProcess.JVM_OPTIONS)
                .containsSubsequence("-Xmx512m", "-XX:+UseSerialGC");
    }

    @Test
    void extraOptionsComeLastAndKeepTheSerialCollectorUnlessTheyNameAnother() {
        System.setProperty(ServerProcess.EXTRA_JVM_OPTIONS_PROPERTY, " -Xmn32m  -Xlog:gc ");

        List<String> options = ServerProcess.jvmOptions();

        assertThat(options).contains("-XX:+UseSerialGC").endsWith("-Xmn32m", "-Xlog:gc");
    }

    @Test
    void anotherCollectorReplacesTheSerialOne() {
        System.setProperty(ServerProcess.EXTRA_JVM_OPTIONS_PROPERTY, "-XX:+UseG1GC -XX:MaxNewSize=24m");

        List<String> options = ServerProcess.jvmOptions();

        assertThat(options).doesNotContain("-XX:+UseSerialGC").contains("-Xmx512m")
                .endsWith("-XX:+UseG1GC", "-XX:MaxNewSize=24m");
    }
}
