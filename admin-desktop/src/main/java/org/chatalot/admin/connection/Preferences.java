package org.chatalot.admin.connection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How the admin likes the app ({@code preferences.json} beside the profiles, mode 600): for now, the theme. */
public final class Preferences {
    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public Preferences(Path configDirectory) {
        this.file = configDirectory.resolve("preferences.json");
    }

    /** What is stored; unknown fields from a newer version are kept out of the way, not refused. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stored(@JsonProperty("dark_theme") boolean darkTheme) {
        public static final Stored DEFAULTS = new Stored(false);
    }

    public Stored load() {
        if (!Files.exists(file)) {
            return Stored.DEFAULTS;
        }
        try {
            return json.readValue(file.toFile(), Stored.class);
        } catch (IOException e) {
            // a damaged preferences file costs the admin their theme, not the app
            return Stored.DEFAULTS;
        }
    }

    public void save(Stored preferences) throws IOException {
        PrivateFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(preferences));
    }
}
