package org.chatalot.e2e.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The baseline for the upload benchmark: an HTTP server that reads a request body and throws it away,
 * so "nginx + TLS + this" is what the network path alone costs. Prints its port on stdout.
 */
public final class TrivialSink {

    private TrivialSink() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream body = exchange.getRequestBody()) {
                for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                    total += read;
                }
            }
            byte[] answer = ("{\"received\":" + total + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        System.out.println("sink listening on " + server.getAddress().getPort());
    }
}
