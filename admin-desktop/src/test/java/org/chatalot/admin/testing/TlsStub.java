package org.chatalot.admin.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/** A tiny HTTPS server presenting a given certificate and answering {@code /api/health}: for trust tests. */
public final class TlsStub implements AutoCloseable {
    private final HttpsServer server;

    public TlsStub(TestCertificates.Issued identity, boolean hsts) throws IOException, GeneralSecurityException {
        char[] password = "changeit".toCharArray();
        KeyStore store = identity.keyStore(password);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"ok\",\"version\":\"0.1.0\",\"uptime_secs\":5,\"db_healthy\":true}"
                    .getBytes(StandardCharsets.UTF_8);
            if (hsts) {
                exchange.getResponseHeaders().set("Strict-Transport-Security", "max-age=31536000");
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // One thread per exchange: with the default (the dispatcher itself), a check that holds its connection
        // open (the WebSocket or body-limit probes) made the next checks wait for it to time out.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** The URL by a host name the certificate may or may not name ({@code localhost} resolves to loopback). */
    public URI url(String host) {
        return URI.create("https://" + host + ":" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
