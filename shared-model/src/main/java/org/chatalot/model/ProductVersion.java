package org.chatalot.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The one version of the whole product (server, installer, admin app, packages): the Maven project version,
 * stamped into this module at build time. Semantic versioning; {@code -SNAPSHOT} marks a development build.
 */
public final class ProductVersion {
    private static final String RESOURCE = "product.properties";
    private static final String CURRENT = load();

    private ProductVersion() {
    }

    /** e.g. {@code 0.2.0} or {@code 0.2.0-SNAPSHOT}. */
    public static String current() {
        return CURRENT;
    }

    /** What {@code --version} prints: {@code Chatalot 0.2.0}. */
    public static String line() {
        return "Chatalot " + CURRENT;
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = ProductVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from shared-model: a broken build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "");
        if (version.isBlank() || version.contains("${")) {
            throw new IllegalStateException(RESOURCE + " was not filtered by the build: " + version);
        }
        return version;
    }
}
