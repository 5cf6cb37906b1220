package org.chatalot.installer.doctor;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** DNS and TCP reachability: the first things a browser needs. */
final class NetworkChecks {

    private NetworkChecks() {
    }

    static Finding dns(DoctorRequest request) {
        String title = "DNS resolves " + request.host();
        try {
            List<InetAddress> addresses = Arrays.asList(InetAddress.getAllByName(request.host()));
            long v4 = addresses.stream().filter(a -> a instanceof Inet4Address).count();
            String evidence = "A: " + v4 + ", AAAA: " + (addresses.size() - v4) + " -> "
                    + addresses.stream().map(InetAddress::getHostAddress).toList();
            return Finding.pass("dns.resolve", title, evidence);
        } catch (UnknownHostException e) {
            return Finding.fail("dns.resolve", title, "no address: " + e.getMessage(),
                    "Create an A record (and AAAA if the box has IPv6) for " + request.host()
                            + " pointing at the server's public address, then wait for the TTL to pass.\n");
        }
    }

    static Finding tcp(DoctorRequest request, int port, String id, String purpose, Fixes fixes) {
        String title = "TCP port " + port + " reachable (" + purpose + ")";
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(request.host(), port), (int) request.timeout().toMillis());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return Finding.pass(id, title, "connected to " + socket.getInetAddress().getHostAddress() + ":" + port
                    + " in " + millis + " ms");
        } catch (IOException e) {
            return Finding.fail(id, title, "cannot connect: " + TlsChecks.describe(e), fixes.port(port));
        }
    }
}
