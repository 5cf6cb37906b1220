package org.chatalot.admin.connection;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps things: settings (profiles, remembered sessions, preferences) in the config folder, and
 * what it records (each profile's history) in the data folder. {@code $CHATALOT_ADMIN_DATA_DIR} overrides the
 * data folder; with only {@code $CHATALOT_ADMIN_CONFIG_DIR} set (a portable install, tests) the data sits in its
 * {@code data} subfolder, so one folder holds everything. Otherwise the platform's per-user data folder
 * ({@code $XDG_DATA_HOME} or {@code ~/.local/share} on Linux).
 */
public record AppDirectories(Path config, Path data) {
    public static final String DATA_OVERRIDE = "CHATALOT_ADMIN_DATA_DIR";

    /** Both under one folder: config in it, data in its {@code data} subfolder. */
    public static AppDirectories under(Path folder) {
        return new AppDirectories(folder, folder.resolve("data"));
    }

    public static AppDirectories resolve(Map<String, String> environment, String osName, Path home) {
        Path config = ConfigDirectory.resolve(environment, osName, home);
        String dataOverride = environment.get(DATA_OVERRIDE);
        if (dataOverride != null && !dataOverride.isBlank()) {
            return new AppDirectories(config, Path.of(dataOverride));
        }
        String configOverride = environment.get(ConfigDirectory.OVERRIDE);
        if (configOverride != null && !configOverride.isBlank()) {
            return under(config);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return new AppDirectories(config, config);
        }
        if (os.contains("win")) {
            String local = environment.get("LOCALAPPDATA");
            return new AppDirectories(config, local == null ? config : Path.of(local, "Chatalot Admin"));
        }
        String xdg = environment.get("XDG_DATA_HOME");
        Path share = xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg);
        return new AppDirectories(config, share.resolve("chatalot-admin"));
    }

    public static AppDirectories forThisUser() {
        return resolve(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }

    /** The folder of the per-profile history files. */
    public Path history() {
        return data.resolve("history");
    }
}
