package org.chatalot.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The web client as the server serves it, worked out once at build time instead of at every start: each file's
 * size and hash, the version, and the page rendered from {@code index.html} with its CSP hashes and preloads.
 * Reading and hashing the tree and rendering the page were 0.3–0.9 s of a start before the server answered
 * anything; reading this index is a few milliseconds, and each file is read (and checked against the index) at
 * its first request.
 *
 * <p>The server module's build runs {@link #main} after compiling (maven-antrun-plugin in {@code server/pom.xml})
 * and puts the index beside the classes; {@code WebIndexTest} fails the build when it does not match the files.
 * A file that no longer matches at run time is refused with an error, never served under a stale hash.
 */
final class WebIndex {
    /** Both on the classpath root of the server: the index, and the rendered page it names. */
    static final String INDEX = "chatalot-web.index";
    static final String PAGE = "chatalot-web.page.html";
    private static final String HEADER = "# The web client's files, hashes and rendered page, written at build time by "
            + WebIndex.class.getName() + "; do not edit.";

    private static final Set<String> KEYS = Set.of("version", "script-src", "style-src",
            "preload", "page");

    private final String text;
    private final byte[] page;

    private WebIndex(String text, byte[] page) {
        this.text = text;
        this.page = page;
    }

    /** The build step: {@code java … WebIndex OUTPUT_DIR} writes the index for the client on its classpath. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: WebIndex OUTPUT_DIR");
        }
        WebIndex index = of(WebAssets.scan(WebIndex.class.getClassLoader()));
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Files.write(dir.resolve(PAGE), index.page);
        Files.writeString(dir.resolve(INDEX), index.text, StandardCharsets.UTF_8);
    }

    /** The index of a tree read now. */
    static WebIndex of(WebAssets assets) {
        IndexPage page = IndexPage.render(assets, WebClient.assetBase(assets.version()));
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        line(text, "version", assets.version());
        line(text, "script-src", page.importMapHash());
        page.styleHashes().forEach(hash -> line(text, "style-src", hash));
        page.preloaded().forEach(path -> line(text, "preload", path));
        line(text, "page", page.page().etag());
        new TreeMap<>(assets.all()).forEach((path, asset) -> line(text, "file", asset.etag(),
                Integer.toString(asset.bytes().length), Long.toHexString(WebAssets.crc32(asset.bytes())), path));
        return new WebIndex(text.toString(), page.page().bytes());
    }

    /** The index on the classpath, if the build made one. */
    static Optional<WebIndex> find(ClassLoader loader) {
        try (InputStream index = loader.getResourceAsStream(INDEX);
             InputStream page = loader.getResourceAsStream(PAGE)) {
            if (index == null || page == null) {
                return Optional.empty();
            }
            return Optional.of(new WebIndex(new String(index.readAllBytes(), StandardCharsets.UTF_8),
                    page.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
    }

    /** The client this index describes: files read from {@code loader} when first asked for. */
    WebClient.Loaded client(ClassLoader loader) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, WebAssets.IndexedFile> files = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] field = line.split("\t");
            if (field[0].equals("file") && field.length == 5) {
                files.put(field[4], new WebAssets.IndexedFile(field[1], Long.parseLong(field[2]),
                        Long.parseLong(field[3], 16)));
            } else if (KEYS.contains(field[0]) && field.length == 2) {
                values.computeIfAbsent(field[0], key -> new ArrayList<>()).add(field[1]);
            } else {
                throw new IllegalStateException(INDEX + ": unknown line " + line + "; build the server again");
            }
        }
        WebAssets.Asset page = new WebAssets.Asset(IndexPage.TEMPLATE, this.page, ContentTypes.of(IndexPage.TEMPLATE),
                single(values, "page"));
        return new WebClient.Loaded(WebAssets.indexed(loader, single(values, "version"), files), IndexPage.of(page,
                single(values, "script-src"), values.getOrDefault("style-src", List.of()),
                values.getOrDefault("preload", List.of())));
    }

    private static String single(Map<String, List<String>> values, String key) {
        List<String> found = values.getOrDefault(key, List.of());
        if (found.size() != 1) {
            throw new IllegalStateException(INDEX + " has " + found.size() + " " + key + " lines, not one; build the"
                    + " server again");
        }
        return found.get(0);
    }

    String text() {
        return text;
    }

    byte[] page() {
        return page.clone();
    }

    private static void line(StringBuilder text, String... fields) {
        for (String field : fields) {
            if (field.contains("\t") || field.contains("\n")) {
                throw new IllegalStateException(INDEX + ": cannot hold " + field);
            }
        }
        text.append(String.join("\t", fields)).append('\n');
    }
}
