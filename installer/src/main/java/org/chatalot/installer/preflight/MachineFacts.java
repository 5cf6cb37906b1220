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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The facts preflight needs, read from the machine the installer runs on. */
final class MachineFacts implements Preflight.SystemFacts {

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
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(0);
        } catch (IOException notLinux) {
            return Runtime.getRuntime().maxMemory() / (1024 * 1024);
        }
    }

    @Override
    public long freeDiskMb(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return 0;
        }
        try {
            return Files.getFileStore(existing).getUsableSpace() / (1024 * 1024);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public List<String> resolve(String host) {
        try {
            return Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress).toList();
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    @Override
    public Set<String> localAddresses() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                    .map(address -> address.getHostAddress().replaceFirst("%.*$", "")).collect(Collectors.toSet());
        } catch (SocketException e) {
            return Set.of();
        }
    }

    @Override
    public boolean hasProgram(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        boolean onPath = Arrays.stream(path.split(":")).filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
        // acme.sh installs itself per user, not on the PATH.
        return onPath || name.equals("acme.sh")
                && Files.isExecutable(Path.of(System.getProperty("user.home"), ".acme.sh", "acme.sh"));
    }
}
