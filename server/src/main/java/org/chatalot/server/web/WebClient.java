package org.chatalot.server.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Serves the browser client. Its files live under {@code /assets/<version>/}: the version is a hash of the
 * whole client, so those URLs never change meaning and are cached for a year. The page itself is served at
 * {@code /} and at every deep link the client routes ({@code /c/<channel>}, {@code /invite/<code>}, …) and is
 * revalidated on every load, so an upgrade reaches browsers at once.
 */
public final class WebClient {
    static final String ASSETS = "/assets";
    /** The client's own routes; each loads the page, which then shows the right screen. */
    static final List<String> PAGE_ROUTES = List.of("/", "/c/*", "/invite/*", "/sign-in", "/register",
            "/recover", "/setup", "/help", "/help/*", "/settings");
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";

    private final WebAssets assets;
    private final IndexPage index;
    private final String assetBase;

    private WebClient(Loaded loaded) {
        this.assets = loaded.assets();
        this.assetBase = assetBase(assets.version());
        this.index = loaded.page();
    }

    /**
     * The client on the server's classpath: from the index the build made of it (WebIndex), or, in a development
     * run without one, by reading, hashing and rendering it now.
     */
    public static WebClient load() {
        return load(WebClient.class.getClassLoader());
    }

    static WebClient load(ClassLoader loader) {
        return new WebClient(WebIndex.find(loader).map(index -> index.client(loader)).orElseGet(() -> {
            WebAssets assets = WebAssets.scan(loader);
            return new Loaded(assets, IndexPage.render(assets, assetBase(assets.version())));
        }));
    }

    /** The files and the page rendered from them. */
    record Loaded(WebAssets assets, IndexPage page) {
    }

    static String assetBase(String version) {
        return ASSETS + "/" + version;
    }

    /** The {@code script-src} source that allows the page's inline import map and nothing else inline. */
    public String importMapHash() {
        return index.importMapHash();
    }

    /** The {@code style-src} sources that allow the page's inlined stylesheet and nothing else inline. */
    public List<String> styleHashes() {
        return index.styleHashes();
    }

    public String version() {
        return assets.version();
    }

    WebAssets assets() {
        return assets;
    }

    IndexPage page() {
        return index;
    }

    public void register(HttpRouting.Builder routing) {
        routing.get(ASSETS + "/*", this::asset);
        for (String route : PAGE_ROUTES) {
            routing.get(route, (req, res) -> send(req, res, index.page(), REVALIDATE));
        }
    }

    /**
     * Whether a request the routes did not match is a browser navigating to a page (it then gets the
     * client with status 404, which shows a friendly page) rather than a script or an API call.
     */
    public boolean isPageNavigation(ServerRequest request) {
        String path = request.path().path();
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        return request.prologue().method().text().equals("GET") && !lastSegment.contains(".")
                && request.headers().first(HeaderNames.ACCEPT).map(a -> a.contains("text/html")).orElse(false);
    }

    public void sendNotFoundPage(ServerRequest request, ServerResponse response) {
        response.status(Status.NOT_FOUND_404);
        send(request, response, index.page(), REVALIDATE);
    }

    private void asset(ServerRequest request, ServerResponse response) {
        String rest = request.path().path().substring(ASSETS.length() + 1);
        int slash = rest.indexOf('/');
        Optional<WebAssets.Asset> asset = slash < 0 ? Optional.empty() : assets.get(rest.substring(slash + 1));
        if (asset.isEmpty() || asset.get().path().equals(IndexPage.TEMPLATE)) {
            response.next();
            return;
        }
        // A page from before an upgrade asks for the old version: it gets today's file, but only for now.
        boolean current = rest.substring(0, slash).equals(assets.version());
        send(request, response, asset.get(), current ? IMMUTABLE : REVALIDATE);
    }

    private static void send(ServerRequest request, ServerResponse response, WebAssets.Asset asset,
                             String cacheControl) {
        response.header(HeaderNames.CACHE_CONTROL, cacheControl);
        response.header(HeaderNames.ETAG, asset.etag());
        response.header(HeaderValues.create(HeaderNames.VARY, "Accept-Encoding"));
        boolean notModified = request.headers().first(HeaderNames.IF_NONE_MATCH)
                .map(tags -> tags.contains(asset.etag())).orElse(false);
        if (notModified && response.status().code() == Status.OK_200.code()) {
            response.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, asset.contentType());
        if (asset.isCompressible() && acceptsGzip(request)) {
            response.header(HeaderNames.CONTENT_ENCODING, "gzip");
            response.send(asset.gzip());
        } else {
            response.send(asset.bytes());
        }
    }

    private static boolean acceptsGzip(ServerRequest request) {
        return request.headers().first(HeaderNames.ACCEPT_ENCODING)
                .map(value -> value.toLowerCase(Locale.ROOT))
                .map(value -> value.contains("gzip") && !value.replace(" ", "").contains("gzip;q=0"))
                .orElse(false);
    }
}
