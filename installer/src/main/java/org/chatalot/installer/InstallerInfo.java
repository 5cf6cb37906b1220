package org.chatalot.installer;

import org.chatalot.model.ApiPaths;

/** What the installer knows about the server it deploys; grows into the settings record. */
public final class InstallerInfo {
    /** The upstream address the proxy forwards to by default. */
    public static final String DEFAULT_UPSTREAM = "127.0.0.1:8080";

    private InstallerInfo() {
    }

    /** The path the proxy must forward WebSocket upgrades on. */
    public static String webSocketPath() {
        return ApiPaths.WEBSOCKET;
    }
}
