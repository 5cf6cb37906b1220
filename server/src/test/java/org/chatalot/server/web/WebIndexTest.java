package org.chatalot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web client's build-time index (WebIndex): the one the build put on the classpath must be exactly what reading
 * the files now gives (else this fails the build: the server would serve files under stale hashes), a server loaded
 * from it serves what a scan would, and a file that no longer matches its index is refused when first asked for.
 */
class WebIndexTest {
    private static final ClassLoader LOADER = WebIndexTest.class.getClassLoader();

    @Test
    void theIndexTheBuildMadeDescribesTheFilesOnTheClasspath() {
        WebIndex built = WebIndex.find(LOADER).orElseThrow(() -> new AssertionError(WebIndex.INDEX
                + " is not on the classpath: the server module's build step (maven-antrun-plugin) did not run"));
        WebIndex fresh = WebIndex.of(WebAssets.scan(LOADER));

        assertThat(built.text()).isEqualTo(fresh.text());
        assertThat(built.page()).isEqualTo(fresh.page());
    }

    @Test
    void aClientFromTheIndexServesWhatReadingTheFilesAtStartUpServes() {
        WebClient indexed = WebClient.load(LOADER);
        WebClient scanned = WebClient.load(hiding(WebIndex.INDEX));

        assertThat(indexed.version()).isEqualTo(scanned.version()).matches("[0-9a-f]{12}");
        assertThat(indexed.importMapHash()).isEqualTo(scanned.importMapHash());
        assertThat(indexed.styleHashes()).isEqualTo(scanned.styleHashes()).isNotEmpty();
        assertThat(indexed.page().preloaded()).isEqualTo(scanned.page().preloaded()).contains("core/store.js");
        assertThat(indexed.page().page().etag()).isEqualTo(scanned.page().page().etag());
        assertThat(indexed.page().page().bytes()).isEqualTo(scanned.page().page().bytes());
        Map<String, WebAssets.Asset> files = scanned.assets().all();
        assertThat(indexed.assets().all().keySet()).isEqualTo(files.keySet()).contains("app.js", "index.html");
        files.forEach((path, asset) -> {
            WebAssets.Asset served = indexed.assets().get(path).orElseThrow();
            assertThat(served.etag()).as(path).isEqualTo(asset.etag());
            assertThat(served.contentType()).as(path).isEqualTo(asset.contentType());
            assertThat(served.bytes()).as(path).isEqualTo(asset.bytes());
        });
    }

    @Test
    void aFileThatNoLongerMatchesItsIndexIsRefusedWhenFirstAskedFor(@TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve(WebAssets.ROOT));
        Files.writeString(root.resolve("app.js"), "export const answer = 42;\n");
        Files.writeString(root.resolve("same-size.js"), "export const answer = 41;\n");
        byte[] original = "export const answer = 42;\n".getBytes(StandardCharsets.UTF_8);
        WebAssets.IndexedFile indexed = new WebAssets.IndexedFile(WebAssets.etagOf(original), original.length,
                WebAssets.crc32(original));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            WebAssets assets = WebAssets.indexed(loader, "0123456789ab", Map.of("app.js", indexed,
                    "same-size.js", indexed, "gone.js", indexed));

            assertThat(assets.get("app.js").orElseThrow().bytes()).isEqualTo(original);
            assertThatThrownBy(() -> assets.get("same-size.js").orElseThrow().bytes())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("same-size.js")
                    .hasMessageContaining("stale");
            assertThatThrownBy(() -> assets.get("gone.js").orElseThrow().gzip())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("gone.js")
                    .hasMessageContaining("stale");
        }
    }

    /** The test classpath without one resource, as a development run that skipped the build step sees it. */
    private static ClassLoader hiding(String resource) {
        return new ClassLoader(LOADER) {
            @Override
            public URL getResource(String name) {
                return name.equals(resource) ? null : super.getResource(name);
            }

            @Override
            public InputStream getResourceAsStream(String name) {
                return name.equals(resource) ? null : super.getResourceAsStream(name);
            }
        };
    }
}
