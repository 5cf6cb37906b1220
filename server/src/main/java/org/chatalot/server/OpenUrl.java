package org.chatalot.server;

import java.net.URI;
import java.util.Optional;

import org.chatalot.server.config.HostPort;

/**
 * The last line of start-up, for the person who just ran {@code ./chatalot}: the address to open in a browser.
 * It is {@code PUBLIC_URL} when set (the proxy in front serves it), else this listener, with {@code localhost}
 * for a listener on every interface since that is the name a browser on this machine reaches it by.
 */
final class OpenUrl {
    private OpenUrl() {
    }

    static String line(Optional<URI> publicUrl, HostPort listen, int port) {
        URI direct = URI.create("http://" + host(listen.host()) + (port == 80 ? "" : ":" + port));
        return publicUrl.map(url -> "Chatalot is running: open " + url + " (your proxy serves it from " + direct + ")")
                .orElse("Chatalot is running: open " + direct);
    }

    private static String host(String listenHost) {
        if (listenHost.isEmpty() || listenHost.equals("0.0.0.0") || listenHost.equals("::")) {
            return "localhost";
        }
        return listenHost.contains(":") ? "[" + listenHost + "]" : listenHost;
    }
}
