package org.chatalot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.server.testing.TestServer;

/**
 * The web client as the server hands it to browsers: the page at / and at deep links, assets under a
 * versioned path cached for a year, gzip when asked, the inline import map allowed by its exact hash, and
 * the API's own 404s left alone.
 */
class WebClientIT {
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>",
            Pattern.DOTALL);
    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/assets/[0-9a-f]+/[^\"]+)\"");

    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void thePageIsRevalidatedAndItsImportMapIsAllowedByItsHashAlone() throws Exception {
        HttpResponse<String> page = server.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        Matcher map = IMPORT_MAP.matcher(page.body());
        assertThat(map.find()).isTrue();
        String hash = "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(map.group(1).getBytes(StandardCharsets.UTF_8))) + "'";
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self' " + hash + ";").doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page.body());
        assertThat(style.find()).as("the stylesheet is in the page").isTrue();
        assertThat(style.group(1)).contains(":root");
        assertThat(csp).contains("style-src 'self' 'sha256-" + Base64.getEncoder().encodeToString(MessageDigest
                .getInstance("SHA-256").digest(style.group(1).getBytes(StandardCharsets.UTF_8))) + "';");
        assertThat(page.body()).doesNotContain("{{");
    }

    @Test
    void everyAssetThePageNamesIsServedAndCachedForAYear() {
        List<String> assets = assets(server.get("/").body());

        assertThat(assets).anyMatch(path -> path.endsWith("/app.js")).anyMatch(path -> path.endsWith("/core/store.js"))
                .anyMatch(path -> path.contains("/vendor/lit-html/"));
        for (String path : assets) {
            HttpResponse<String> asset = server.get(path);
            assertThat(asset.statusCode()).as(path).isEqualTo(200);
            assertThat(asset.headers().firstValue("Cache-Control")).as(path)
                    .hasValue("public, max-age=31536000, immutable");
        }
    }

    @Test
    void assetsAreGzippedWhenTheBrowserAsksAndIdenticalOnceUnzipped() throws Exception {
        String script = assets(server.get("/").body()).stream().filter(path -> path.endsWith("/app.js")).findFirst()
                .orElseThrow();
        HttpResponse<byte[]> plain = bytes(script, null);
        HttpResponse<byte[]> zipped = bytes(script, "gzip, deflate, br");

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(zipped.body().length).isLessThan(plain.body().length);
        assertThat(gunzip(zipped.body())).isEqualTo(plain.body());
    }

    @Test
    void anUnchangedAssetIsAnsweredWithNotModified() throws Exception {
        String css = assets(server.get("/").body()).stream().filter(path -> path.endsWith("/core/api.js")).findFirst()
                .orElseThrow();
        String etag = server.get(css).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = server.send(server.request(css).header("If-None-Match", etag).GET().build());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aPageFromBeforeAnUpgradeGetsTodaysFilesButMayNotCacheThem() {
        String current = assets(server.get("/").body()).getFirst();
        String old = current.replaceFirst("/assets/[0-9a-f]+/", "/assets/0123456789ab/");

        HttpResponse<String> asset = server.get(old);

        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void deepLinksLoadTheClient() {
        for (String path : List.of("/c/01a2b3c4-0000-7000-8000-000000000000", "/invite/KRE3-XRC2-OZSZ", "/sign-in",
                "/register", "/recover", "/setup", "/help", "/help/admin-guide")) {
            HttpResponse<String> page = server.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<script type=\"importmap\">");
        }
    }

    @Test
    void unknownPagesShowTheClientsNotFoundPageButTheApiStaysJson() {
        HttpResponse<String> browser = server.send(server.request("/no/such/page").header("Accept",
                "text/html,application/xhtml+xml").GET().build());
        HttpResponse<String> api = server.send(server.request("/api/no-such-thing").header("Accept",
                "text/html").GET().build());
        HttpResponse<String> file = server.get("/no-such-file.png");

        assertThat(browser.statusCode()).isEqualTo(404);
        assertThat(browser.body()).contains("<script type=\"importmap\">");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("\"code\":\"not_found\"");
        assertThat(file.statusCode()).isEqualTo(404);
        assertThat(file.body()).contains("\"code\":\"not_found\"");
    }

    @Test
    void theTemplateAndPathsOutsideTheClientAreNotServedAsAssets() {
        String version = assets(server.get("/").body()).getFirst().split("/")[2];
        for (String path : List.of("/assets/" + version + "/index.html", "/assets/" + version + "/../pom.xml",
                "/assets/" + version + "/%2e%2e/%2e%2e/etc/passwd", "/assets/" + version,
                "/assets/" + version + "/no-such.js")) {
            HttpResponse<String> response = server.get(path);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("{{assets}}").doesNotContain("root:");
        }
    }

    private static List<String> assets(String page) {
        List<String> found = new ArrayList<>();
        Matcher matcher = ASSET.matcher(page);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static HttpResponse<byte[]> bytes(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = server.request(path).GET();
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return server.client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }
}
