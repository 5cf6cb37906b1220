package org.chatalot.installer.preflight;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.exec.Command;
import org.chatalot.installer.exec.CommandResult;
import org.chatalot.installer.exec.Shell;
import org.chatalot.installer.plan.DeploySettings;

/**
 * Whether this box can take the deployment: the findings use the doctor's shape, so the CLI prints both
 * the same way. Reads only; a dry run and a real run behave alike.
 */
public final class Preflight {
    static final long MIN_MEMORY_MB = 512;
    static final long MIN_DISK_MB = 1024;
    private final Shell shell;
    private final SystemFacts facts;

    public Preflight(Shell shell, SystemFacts facts) {
        this.shell = shell;
        this.facts = facts;
    }

    public List<Finding> run(DeploySettings settings, String proxy) {
        return run(settings, proxy, Optional.empty());
    }

    /** With the certificate method that will be used, when known: acme.sh needs cron to renew. */
    public List<Finding> run(DeploySettings settings, String proxy, Optional<String> certMethod) {
        List<Finding> findings = new ArrayList<>();
        findings.add(java());
        // Only the proxy being installed may already hold 80/443: that is a re-run, not a conflict.
        Set<String> proxies = proxy.equals("traefik") ? Set.of("traefik", "docker-proxy") : Set.of(proxy);
        if (settings.hasHttpPort()) {
            findings.add(port(settings.httpPort(), proxies));
        }
        findings.add(port(settings.httpsPort(), proxies));
        findings.add(port(settings.upstreamPort(), Set.of("java")));
        findings.add(memory());
        findings.add(disk(settings.dataDir()));
        findings.add(dns(settings.domain()));
        findings.add(tools(proxy));
        findings.add(cron(certMethod));
        return findings;
    }

    /** acme.sh renews from a crontab entry: without cron its certificate silently expires. */
    Finding cron(Optional<String> certMethod) {
        String title = "cron, for acme.sh's renewal job";
        if (facts.hasProgram("crontab")) {
            return Finding.pass("preflight.cron", title, "crontab yes");
        }
        if (certMethod.isPresent() && !certMethod.get().equals("acme-sh")) {
            return Finding.pass("preflight.cron", title, "crontab no; not needed for " + certMethod.get());
        }
        String evidence = "crontab no: acme.sh could not install its renewal job, and its certificate would expire";
        String fix = "apt install cron (or use certbot, whose Debian package renews from a systemd timer).\n";
        return certMethod.isPresent() ? Finding.fail("preflight.cron", title, evidence, fix)
                : Finding.warn("preflight.cron", title, evidence + " (if you use acme.sh)", fix);
    }

    Finding java() {
        int feature = facts.javaFeatureVersion();
        String title = "Java 21 or newer";
        return feature >= 21 ? Finding.pass("preflight.java", title, "Java " + feature)
                : Finding.fail("preflight.java", title, "Java " + feature,
                "Install a JDK 21+ (apt install openjdk-21-jre-headless or Temurin) and pass --java PATH.");
    }

    Finding port(int port, Set<String> expected) {
        String id = "preflight.port-" + port;
        String title = "Port " + port + " free or held by " + String.join("/", new TreeSet<>(expected));
        if (facts.isPortFree(port)) {
            return Finding.pass(id, title, "nothing listens on " + port);
        }
        CommandResult ss = shell.run(Command.of("ss", "-H", "-ltnp", "sport = :" + port));
        String holder = ss.output().replaceAll("(?s).*users:\\(\\(\"([^\"]+)\".*", "$1").strip();
        if (expected.contains(holder)) {
            return Finding.pass(id, title, holder + " listens on " + port);
        }
        return Finding.fail(id, title, (holder.isEmpty() ? "another program" : holder) + " listens on " + port,
                "Stop it or pick another port (--" + (port == 8080 ? "upstream" : "https-port/--http-port") + ").");
    }

    Finding memory() {
        long available = facts.availableMemoryMb();
        String title = "At least " + MIN_MEMORY_MB + " MB of memory available";
        return available >= MIN_MEMORY_MB ? Finding.pass("preflight.memory", title, available + " MB available")
                : Finding.warn("preflight.memory", title, available + " MB available",
                "Add swap or memory; the server wants about 512 MB for a team of 200.");
    }

    Finding disk(Path dataDir) {
        long free = facts.freeDiskMb(dataDir);
        String title = "At least " + MIN_DISK_MB + " MB free for " + dataDir;
        return free >= MIN_DISK_MB ? Finding.pass("preflight.disk", title, free + " MB free")
                : Finding.warn("preflight.disk", title, free + " MB free",
                "Free space or use --data-dir on a larger disk: uploads live there.");
    }

    Finding dns(String domain) {
        String title = domain + " points at this host";
        List<String> resolved = facts.resolve(domain);
        if (resolved.isEmpty()) {
            return Finding.fail("preflight.dns", title, domain + " does not resolve",
                    "Create A/AAAA records for " + domain + " with this host's public address.");
        }
        Set<String> local = facts.localAddresses();
        boolean ours = resolved.stream().anyMatch(local::contains);
        return ours ? Finding.pass("preflight.dns", title, domain + " -> " + resolved)
                : Finding.warn("preflight.dns", title, domain + " -> " + resolved + ", none of them local "
                + local, "Fine behind NAT or a port forward; otherwise fix the A/AAAA records. ACME's HTTP-01 "
                + "challenge needs them to reach this box on port 80.");
    }

    Finding tools(String proxy) {
        Map<String, Boolean> present = new TreeMap<>();
        for (String tool : List.of(proxy, "certbot", "acme.sh", "openssl", "systemctl")) {
            present.put(tool, facts.hasProgram(tool));
        }
        List<String> missing = present.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        String evidence = present.entrySet().stream().map(e -> e.getKey() + (e.getValue() ? " yes" : " no"))
                .collect(Collectors.joining(", "));
        if (!present.get(proxy)) {
            return Finding.fail("preflight.tools", "Tools present", evidence, "apt install " + proxy);
        }
        return missing.isEmpty() ? Finding.pass("preflight.tools", "Tools present", evidence)
                : Finding.warn("preflight.tools", "Tools present", evidence, "Only needed for the matching "
                + "command: apt install certbot, or curl https://get.acme.sh | sh for acme.sh.");
    }

    /** The box's facts, behind an interface so tests can describe another box. */
    public interface SystemFacts {
        int javaFeatureVersion();

        boolean isPortFree(int port);

        long availableMemoryMb();

        long freeDiskMb(Path dir);

        List<String> resolve(String host);

        Set<String> localAddresses();

        boolean hasProgram(String name);
    }

    /** This machine. */
    public static SystemFacts thisMachine() {
        return new MachineFacts();
    }
}
