package org.chatalot.admin.connection;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps its profiles: {@code $CHATALOT_ADMIN_CONFIG_DIR} if set (tests, portable installs), else
 * the platform's per-user config folder ({@code $XDG_CONFIG_HOME} or {@code ~/.config} on Linux).
 */
public final class ConfigDirectory {
    public static final String OVERRIDE = "CHATALOT_ADMIN_CONFIG_DIR";

    private ConfigDirectory() {
    }

    public static Path resolve(Map<String, String> environment, String osName, Path home) {
        String override = environment.get(OVERRIDE);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Chatalot Admin");
        }
        if (os.contains("win") && environment.get("APPDATA") != null) {
            return Path.of(environment.get("APPDATA"), "Chatalot Admin");
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg)).resolve("chatalot-admin");
    }

    public static Path forThisUser() {
        return resolve(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }
}
