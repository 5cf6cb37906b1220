package org.chatalot.server.health;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version stamped into the jar at build time ({@code chatalot-build.properties}). */
public record BuildInfo(String version) {

    public static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/chatalot-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown": a missing version must not stop the server
        }
        return new BuildInfo(properties.getProperty("version", "unknown"));
    }
}
