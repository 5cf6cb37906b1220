package org.chatalot.server.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Every file of the web client, with its hash, kept in memory once read, and with its gzip form from the first
 * request for it. The client is small (a few MB with the guides' pictures), so serving from memory costs little
 * and saves a disk read and a compression per request. The version is a hash of the whole tree: it changes
 * exactly when a file does.
 *
 * <p>A built server finds the hashes in the index made at build time ({@link WebIndex}) and reads each file at
 * the first request for it; without an index (a development run that skipped the build step) the tree is read
 * and hashed at start-up, from the {@code web-client} jar or its classes folder.
 */
public final class WebAssets {
    static final String ROOT = "chatalot-web";
    private static final String MARKER = ROOT + "/index.html";
    private static final int VERSION_HEX_CHARS = 12;

    private final Map<String, Asset> assets;
    private final String version;

    private WebAssets(Map<String, Asset> assets) {
        this(assets, versionOf(assets));
    }

    private WebAssets(Map<String, Asset> assets, String version) {
        this.assets = Map.copyOf(assets);
        this.version = version;
    }

    /**
     * One file: its bytes, its type and a strong validator, and its gzip form when that is smaller. The gzip form
     * is made at the first request that accepts it, not at start-up: compressing the whole client at the best
     * level was work the server did before it could answer anything. A file known from the build-time index is
     * read at its first request too, and checked against the index then.
     */
    public static final class Asset {
        private final String path;
        private final String contentType;
        private final String etag;
        private final Supplier<byte[]> source;
        private byte[] bytes;
        private byte[] gzip;
        private boolean compressed;

        Asset(String path, byte[] bytes, String contentType, String etag) {
            this(path, contentType, etag, null);
            this.bytes = bytes;
        }

        private Asset(String path, String contentType, String etag, Supplier<byte[]> source) {
            this.path = path;
            this.contentType = contentType;
            this.etag = etag;
            this.source = source;
        }

        public String path() {
            return path;
        }

        public synchronized byte[] bytes() {
            if (bytes == null) {
                bytes = source.get();
            }
            return bytes;
        }

        public String contentType() {
            return contentType;
        }

        public String etag() {
            return etag;
        }

        /** The gzip form, or null for a binary file or one that gzip would not make smaller. */
        public synchronized byte[] gzip() {
            if (!compressed) {
                byte[] packed = ContentTypes.isText(contentType) ? WebAssets.gzip(bytes()) : null;
                gzip = packed != null && packed.length < bytes().length ? packed : null;
                compressed = true;
            }
            return gzip;
        }

        boolean isCompressible() {
            return gzip() != null;
        }
    }

    /**
     * Reads and hashes the whole tree under {@code chatalot-web/} now (what the build step does, and a start
     * without its index); fails when the client is not on the classpath.
     */
    public static WebAssets scan(ClassLoader loader) {
        URL marker = loader.getResource(MARKER);
        if (marker == null) {
            throw new IllegalStateException(MARKER + " is not on the classpath: the web-client module is missing");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return fromDirectory(jar.getPath("/" + ROOT));
                }
            }
            return fromDirectory(Path.of(uri).getParent());
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the web client from " + marker, e);
        }
    }

    /**
     * The files an index lists, each read from the classpath at its first request and refused (an error, not a
     * wrong file under a cached URL) when its size or CRC-32 is not the one the index holds.
     */
    static WebAssets indexed(ClassLoader loader, String version, Map<String, IndexedFile> files) {
        Map<String, Asset> assets = new TreeMap<>();
        files.forEach((path, file) -> assets.put(path, new Asset(path, ContentTypes.of(path), file.etag(),
                () -> readChecked(loader, path, file))));
        return new WebAssets(assets, version);
    }

    /**
     * What the build-time index says about one file: its validator, and its size and CRC-32 to check it by at the
     * first request (a stale index is a build mistake, not an attack, and CRC-32 costs a fraction of SHA-256 on a
     * cold JVM: that check is on the first page's path).
     */
    record IndexedFile(String etag, long size, long crc32) {
    }

    private static byte[] readChecked(ClassLoader loader, String path, IndexedFile expected) {
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(ROOT + "/" + path)) {
            if (in == null) {
                throw new IllegalStateException("the web client's " + path + " is in its build-time index ("
                        + WebIndex.INDEX + ") but not on the classpath: the index is stale, build the server again");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web client's " + path, e);
        }
        if (bytes.length != expected.size() || crc32(bytes) != expected.crc32()) {
            throw new IllegalStateException("the web client's " + path + " is not the file its build-time index ("
                    + WebIndex.INDEX + ") describes: the index is stale, build the server again");
        }
        return bytes;
    }

    static WebAssets fromDirectory(Path root) throws IOException {
        Map<String, Asset> assets = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                assets.put(path, asset(path, Files.readAllBytes(file)));
            }
        }
        return new WebAssets(assets);
    }

    static Asset asset(String path, byte[] bytes) {
        return new Asset(path, bytes, ContentTypes.of(path), etagOf(bytes));
    }

    static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    static String etagOf(byte[] bytes) {
        return "\"" + sha256Hex(bytes).substring(0, 32) + "\"";
    }

    public Optional<Asset> get(String path) {
        return Optional.ofNullable(assets.get(path));
    }

    /** Changes whenever any file changes; part of every asset URL, so those URLs can be cached for good. */
    public String version() {
        return version;
    }

    /** Every file by its path under the tree. */
    Map<String, Asset> all() {
        return assets;
    }

    private static String versionOf(Map<String, Asset> assets) {
        MessageDigest digest = sha256();
        assets.forEach((path, asset) -> {
            digest.update(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(asset.etag().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        });
        return HexFormat.of().formatHex(digest.digest()).substring(0, VERSION_HEX_CHARS);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
