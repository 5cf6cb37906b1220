package org.chatalot.e2e.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.chatalot.installer.cert.CertificateIssuer;
import org.chatalot.installer.cert.CertificateSpec;
import org.chatalot.installer.cert.Issued;
import org.chatalot.installer.cert.Pem;
import org.chatalot.installer.tls.TrustManagers;
import org.chatalot.installer.tls.TrustMode;
import org.chatalot.testing.ExternalTools;
import org.chatalot.testing.FreePorts;
import org.chatalot.testing.Poll;

/**
 * Let's Encrypt's test CA on loopback, with pebble-challtestsrv as its DNS (every name → 127.0.0.1).
 * Debian ships no config or API certificate, so both are written here. Validation is immediate
 * (PEBBLE_VA_NOSLEEP) and nonces are never rejected at random (PEBBLE_WFE_NONCEREJECT=0).
 */
final class Pebble implements AutoCloseable {
    final int acmePort = FreePorts.next();
    final int managementPort = FreePorts.next();
    final int dnsPort = FreePorts.next();
    final int challengeHttpPort;
    final Path apiCa;
    private final Process dns;
    private final Process pebble;

    Pebble(Path dir, int challengeHttpPort) throws IOException {
        this.challengeHttpPort = challengeHttpPort;
        Instant now = Instant.now();
        Issued ca = CertificateIssuer.selfSigned(CertificateSpec.authority("pebble API CA", now.minusSeconds(60),
                now.plus(Duration.ofDays(2))), CertificateIssuer.ecKeyPair());
        Issued api = CertificateIssuer.issue(CertificateSpec.server(List.of("localhost"), List.of("127.0.0.1"),
                now.minusSeconds(60), now.plus(Duration.ofDays(2))), CertificateIssuer.ecKeyPair(), ca);
        apiCa = Files.writeString(dir.resolve("pebble-api-ca.pem"), Pem.certificate(ca.certificate()));
        Files.writeString(dir.resolve("pebble-api.pem"), Pem.certificate(api.certificate()));
        Files.writeString(dir.resolve("pebble-api.key"), Pem.privateKey(api.privateKey()));
        Path config = Files.writeString(dir.resolve("pebble.json"), """
                {"pebble": {"listenAddress": "127.0.0.1:%d", "managementListenAddress": "127.0.0.1:%d",
                  "certificate": "%s", "privateKey": "%s", "httpPort": %d, "tlsPort": %d,
                  "ocspResponderURL": "", "externalAccountBindingRequired": false}}
                """.formatted(acmePort, managementPort, dir.resolve("pebble-api.pem"), dir.resolve("pebble-api.key"),
                challengeHttpPort, FreePorts.next()));
        dns = start(dir, "challtestsrv.log", List.of(ExternalTools.require("pebble-challtestsrv").toString(),
                "-defaultIPv4", "127.0.0.1", "-defaultIPv6", "", "-dns01", "127.0.0.1:" + dnsPort, "-http01", "",
                "-https01", "", "-tlsalpn01", "", "-management", "127.0.0.1:" + FreePorts.next()));
        pebble = start(dir, "pebble.log", List.of(ExternalTools.require("pebble").toString(), "-config",
                config.toString(), "-dnsserver", "127.0.0.1:" + dnsPort));
        awaitPort(acmePort, dir.resolve("pebble.log"));
    }

    String directoryUrl() {
        return "https://127.0.0.1:" + acmePort + "/dir";
    }

    /** The root pebble signs with, generated at its start: what clients of the issued certificate trust. */
    String issuingRoot() {
        HttpClient client = HttpClient.newBuilder().sslContext(TrustManagers.sslContext(TrustMode.caFile(apiCa)))
                .build();
        try {
            return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + managementPort + "/roots/0"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process start(Path dir, String log, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile());
        builder.environment().put("PEBBLE_VA_NOSLEEP", "1");
        builder.environment().put("PEBBLE_WFE_NONCEREJECT", "0");
        return builder.start();
    }

    private void awaitPort(int port, Path log) throws IOException {
        boolean up = Poll.until(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        }, Duration.ofSeconds(15));
        if (!up) {
            throw new AssertionError("pebble did not start:\n" + Files.readString(log));
        }
    }

    @Override
    public void close() {
        pebble.destroy();
        dns.destroy();
    }
}
