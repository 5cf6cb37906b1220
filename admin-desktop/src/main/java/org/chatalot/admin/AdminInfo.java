package org.chatalot.admin;

import org.chatalot.installer.InstallerInfo;
import org.chatalot.model.ApiPaths;

/** Placeholder entry for the admin app: the endpoints its health dashboard polls. */
public final class AdminInfo {

    private AdminInfo() {
    }

    public static String healthPath() {
        return ApiPaths.HEALTH;
    }

    public static String webSocketPath() {
        return InstallerInfo.webSocketPath();
    }
}
