package org.chatalot.server.health;

import org.chatalot.model.ProductVersion;

/** The product version the server reports (health, backups, the socket handshake). */
public record BuildInfo(String version) {

    public static BuildInfo load() {
        return new BuildInfo(ProductVersion.current());
    }
}
