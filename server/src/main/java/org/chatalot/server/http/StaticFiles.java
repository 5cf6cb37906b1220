package org.chatalot.server.http;

import java.time.DateTimeException;
import java.util.List;

import io.helidon.http.DateTime;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

import org.chatalot.server.error.InvalidInput;

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
            requireHttpDates(req.headers());
            String path = req.path().path();
            boolean page = path.equals("/") || path.endsWith(".html");
            res.headers().set(HeaderNames.CACHE_CONTROL, page ? "no-cache" : "public, max-age=300");
            res.next();
        });
        routing.register("/", StaticContentService.builder(ROOT).welcomeFileName("index.html").build());
    }

    /**
     * The static handler parses these strictly and would fail with a 500 on anything but an HTTP date; a
     * client that sends one gets told instead.
     */
    private static void requireHttpDates(ServerRequestHeaders headers) {
        for (HeaderName name : List.of(HeaderNames.IF_MODIFIED_SINCE, HeaderNames.IF_UNMODIFIED_SINCE)) {
            if (headers.contains(name)) {
                try {
                    DateTime.parse(headers.get(name).get());
                } catch (DateTimeException e) {
                    throw new InvalidInput(name.defaultCase(), "must be an HTTP date such as "
                            + "\"Sun, 06 Nov 1994 08:49:37 GMT\"");
                }
            }
        }
    }
}
