package org.chatalot.installer.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.Severity;
import org.chatalot.installer.exec.SystemShell;
import org.chatalot.installer.plan.DeploySettings;

class PreflightTest {

    private record Box(int java, boolean portsFree, long memory, List<String> dns, boolean tools, boolean cron)
            implements Preflight.SystemFacts {
        Box(int java, boolean portsFree, long memory, List<String> dns, boolean tools) {
            this(java, portsFree, memory, dns, tools, tools);
        }

        @Override
        public int javaFeatureVersion() {
            return java;
        }

        @Override
        public boolean isPortFree(int port) {
            return portsFree;
        }

        @Override
        public long availableMemoryMb() {
            return memory;
        }

        @Override
        public long freeDiskMb(Path dir) {
            return 50_000;
        }

        @Override
        public List<String> resolve(String host) {
            return dns;
        }

        @Override
        public Set<String> localAddresses() {
            return Set.of("203.0.113.7", "127.0.0.1");
        }

        @Override
        public boolean hasProgram(String name) {
            return name.equals("crontab") ? cron : tools;
        }
    }

    private List<Finding> check(Box box) {
        return new Preflight(new SystemShell(Duration.ofSeconds(5)), box)
                .run(DeploySettings.builder("chat.example.com").build(), "nginx");
    }

    @Test
    void readyBoxPassesEverything() {
        assertThat(check(new Box(21, true, 2048, List.of("203.0.113.7"), true)))
                .allMatch(f -> f.severity() == Severity.PASS);
    }

    @Test
    void oldJavaAndMissingProxyFailAndForeignDnsWarns() {
        List<Finding> findings = check(new Box(17, true, 2048, List.of("198.51.100.1"), false));
        assertThat(findings).filteredOn(f -> f.severity() == Severity.FAIL).extracting(Finding::id)
                .containsExactlyInAnyOrder("preflight.java", "preflight.tools");
        assertThat(findings).filteredOn(f -> f.id().equals("preflight.dns")).extracting(Finding::severity)
                .containsExactly(Severity.WARN);
    }

    @Test
    void unresolvableDomainFails() {
        assertThat(check(new Box(21, true, 2048, List.of(), true))).filteredOn(f -> f.id().equals("preflight.dns"))
                .extracting(Finding::severity).containsExactly(Severity.FAIL);
    }

    @Test
    void missingCronFailsForAcmeShWarnsWhenUndecidedAndPassesForCertbot() {
        Box noCron = new Box(21, true, 2048, List.of("203.0.113.7"), true, false);
        Preflight preflight = new Preflight(new SystemShell(Duration.ofSeconds(5)), noCron);
        DeploySettings settings = DeploySettings.builder("chat.example.com").build();
        assertThat(cron(preflight.run(settings, "nginx", Optional.of("acme-sh")))).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.FAIL);
            assertThat(f.fix()).contains("apt install cron");
        });
        assertThat(cron(preflight.run(settings, "nginx")).severity()).isEqualTo(Severity.WARN);
        assertThat(cron(preflight.run(settings, "nginx", Optional.of("certbot"))).severity())
                .isEqualTo(Severity.PASS);
    }

    private static Finding cron(List<Finding> findings) {
        return findings.stream().filter(f -> f.id().equals("preflight.cron")).findFirst().orElseThrow();
    }
}
