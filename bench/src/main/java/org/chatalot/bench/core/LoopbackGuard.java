package org.chatalot.bench.core;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fails a benchmark whose server listens anywhere but loopback. Peers' stock configurations listen on all
 * interfaces (ejabberd's does), and a benchmark must never open this machine to the network; so after each
 * server starts, every listening TCP socket and bound UDP socket of its process tree is checked.
 */
public final class LoopbackGuard {
    private static final String TCP_LISTEN = "0A";
    private static final String UDP_BOUND = "07";
    private static final String[] TABLES = {"tcp", "tcp6", "udp", "udp6"};

    private LoopbackGuard() {
    }

    /** Throws when the process tree has a listening socket on a non-loopback address. */
    public static void requireLoopbackOnly(ProcessHandle root, String what) throws IOException {
        Set<String> inodes = new HashSet<>();
        for (ProcessHandle process : ProcessStats.tree(root).toList()) {
            inodes.addAll(socketInodes(process.pid()));
        }
        List<String> exposed = new ArrayList<>();
        for (String table : TABLES) {
            Path file = Path.of("/proc/net", table);
            if (Files.exists(file)) {
                exposed.addAll(exposedListeners(Files.readAllLines(file), inodes));
            }
        }
        if (!exposed.isEmpty()) {
            throw new IOException(what + " listens beyond loopback: " + exposed);
        }
    }

    /** Local addresses (hex, as in /proc/net/tcp) of listening sockets among {@code inodes} that are not loopback. */
    static List<String> exposedListeners(List<String> table, Set<String> inodes) {
        List<String> exposed = new ArrayList<>();
        for (String line : table.subList(Math.min(1, table.size()), table.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length <= 9) {
                continue;
            }
            boolean listening = f[3].equals(TCP_LISTEN) || f[3].equals(UDP_BOUND);
            if (listening && inodes.contains(f[9]) && !isLoopback(f[1])) {
                exposed.add(f[1]);
            }
        }
        return exposed;
    }

    /** {@code 0100007F:1F90} (127.0.0.1) or an IPv6 loopback / IPv4-mapped loopback, as /proc writes them. */
    static boolean isLoopback(String hexAddressAndPort) {
        String address = hexAddressAndPort.substring(0, hexAddressAndPort.indexOf(':'));
        if (address.length() == 8) {
            return address.endsWith("7F");
        }
        return address.equals("00000000000000000000000001000000")
                || address.startsWith("0000000000000000FFFF0000") && address.endsWith("7F");
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                String target = readLink(fd);
                if (target.startsWith("socket:[")) {
                    inodes.add(target.substring(8, target.length() - 1));
                }
            }
        } catch (IOException e) {
            // the process ended while we looked: it listens nowhere
        }
        return inodes;
    }

    private static String readLink(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "";
        }
    }
}
