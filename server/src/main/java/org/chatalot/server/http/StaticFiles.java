package org.chatalot.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

/**
 * The web client, served from the server's own resources at {@code /}. Pages are revalidated on every
 * load (so an upgrade shows at once); other assets may be cached briefly.
 */
public final class StaticFiles {
    private static final String ROOT = "web";

    private StaticFiles() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.get("/*", (req, res) -> {
            String path = req.path().path();
            boolean page = path.equals("/") || path.endsWith(".html");
            res.headers().set(HeaderNames.CACHE_CONTROL, page ? "no-cache" : "public, max-age=300");
            res.next();
        });
        routing.register("/", StaticContentService.builder(ROOT).welcomeFileName("index.html").build());
    }
}
