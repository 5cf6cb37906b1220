package org.chatalot.installer.preflight;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        List<Finding> findings = new ArrayList<>();
        findings.add(java());
        findings.add(port(settings.httpPort(), Set.of(proxy, "nginx", "caddy", "traefik", "docker-proxy")));
        findings.add(port(settings.httpsPort(), Set.of(proxy, "nginx", "caddy", "traefik", "docker-proxy")));
        findings.add(port(settings.upstreamPort(), Set.of("java")));
        findings.add(memory());
        findings.add(disk(settings.dataDir()));
        findings.add(dns(settings.domain()));
        findings.add(tools(proxy));
        return findings;
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
        String title = "Port " + port + " free or held by " + String.join("/", new java.util.TreeSet<>(expected));
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
        Map<String, Boolean> present = new java.util.TreeMap<>();
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
        return new SystemFacts() {
            @Override
            public int javaFeatureVersion() {
                return Runtime.version().feature();
            }

            @Override
            public boolean isPortFree(int port) {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.bind(new InetSocketAddress(port));
                    return true;
                } catch (IOException inUse) {
                    return false;
                }
            }

            @Override
            public long availableMemoryMb() {
                try {
                    return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                            .filter(line -> line.startsWith("MemAvailable:"))
                            .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst()
                            .orElse(0);
                } catch (IOException e) {
                    return Runtime.getRuntime().maxMemory() / (1024 * 1024);
                }
            }

            @Override
            public long freeDiskMb(Path dir) {
                Path existing = dir.toAbsolutePath();
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                try {
                    return Files.getFileStore(existing).getUsableSpace() / (1024 * 1024);
                } catch (IOException | NullPointerException e) {
                    return 0;
                }
            }

            @Override
            public List<String> resolve(String host) {
                try {
                    return java.util.Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress)
                            .toList();
                } catch (UnknownHostException e) {
                    return List.of();
                }
            }

            @Override
            public Set<String> localAddresses() {
                try {
                    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                            .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                            .map(a -> a.getHostAddress().replaceFirst("%.*$", "")).collect(Collectors.toSet());
                } catch (SocketException e) {
                    return Set.of();
                }
            }

            @Override
            public boolean hasProgram(String name) {
                String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
                String home = System.getProperty("user.home");
                return java.util.Arrays.stream(path.split(":")).filter(d -> !d.isEmpty())
                        .anyMatch(d -> Files.isExecutable(Path.of(d, name)))
                        || (name.equals("acme.sh") && Files.isExecutable(Path.of(home, ".acme.sh", "acme.sh")));
            }
        };
    }
}
