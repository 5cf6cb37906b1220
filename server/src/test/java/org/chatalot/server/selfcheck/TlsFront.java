package org.chatalot.server.selfcheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.chatalot.testing.TempDirs;
import org.chatalot.testing.ToolResult;

/**
 * A TLS listener on loopback standing in for the proxy in front of the server: it presents a certificate for
 * {@code self.test} made by the JDK's keytool with the validity asked for, and answers {@code GET /api/health}
 * with the status given. Its certificate file is what SELF_CHECK_CA_FILE names to trust it.
 */
final class TlsFront implements AutoCloseable {
    static final String HOST = "self.test";
    private static final String PASSWORD = "changeit";
    private final Path dir = TempDirs.create("self-check-front-");
    private final HttpsServer server;

    /**
     * @param startedAgo when the certificate's validity began, in keytool's form ({@code 23H}, {@code 2d})
     * @param validDays  its lifetime in days from then
     * @param status     what {@code /api/health} answers
     */
    TlsFront(String startedAgo, int validDays, int status) {
        Path keystore = dir.resolve("front.p12");
        keytool(List.of("-genkeypair", "-alias", "front", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + HOST, "-ext", "SAN=dns:" + HOST, "-startdate", "-" + startedAgo,
                "-validity", Integer.toString(validDays), "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        keytool(List.of("-exportcert", "-rfc", "-alias", "front", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-file", certificate().toString()));
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.setHttpsConfigurator(new HttpsConfigurator(context(keystore)));
            byte[] body = (status == 200 ? "{\"status\":\"ok\"}" : "<html>Bad Gateway</html>")
                    .getBytes(StandardCharsets.UTF_8);
            server.createContext("/api/health", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The certificate (PEM), self-signed: trusting it is trusting this front. */
    Path certificate() {
        return dir.resolve("front.pem");
    }

    String publicUrl() {
        return "https://" + HOST + ":" + port();
    }

    String connectAddress() {
        return "127.0.0.1:" + port();
    }

    private static SSLContext context(Path keystore) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        ToolResult result = ToolResult.run(command, Duration.ofSeconds(60));
        if (result.exitCode() != 0) {
            throw new AssertionError("keytool failed: " + result.output());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        TempDirs.deleteRecursively(dir);
    }
}
