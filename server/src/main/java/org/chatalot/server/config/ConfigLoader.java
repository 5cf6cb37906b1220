package org.chatalot.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Builds the configuration from defaults, then the YAML file named by {@code CHATALOT_CONFIG}, then the
 * environment (later sources win). The YAML file is flat and uses the variable names in lower case:
 * <pre>
 * listen_addr: 0.0.0.0:8080
 * max_file_size_mb: 250
 * </pre>
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** Loads from the process environment. */
    public static LoadedConfig fromEnvironment() {
        return load(System.getenv());
    }

    /** Loads from the given variables (tests pass their own map instead of touching the environment). */
    public static LoadedConfig load(Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        Map<String, RawValue> raw = new LinkedHashMap<>();
        for (Setting setting : Settings.ALL) {
            if (setting.defaultValue() != null) {
                raw.put(setting.name(), new RawValue(setting.defaultValue(), "default"));
            }
        }
        String file = environment.get(Settings.CONFIG_FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            readYaml(Path.of(file), raw, problems);
        }
        for (Setting setting : Settings.ALL) {
            String value = environment.get(setting.name());
            if (value != null) {
                raw.put(setting.name(), new RawValue(value, "environment"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        ServerConfig config = new ConfigParser(raw).parse();
        return new LoadedConfig(config, summary(raw));
    }

    private static void readYaml(Path file, Map<String, RawValue> raw, List<String> problems) {
        String origin = "file " + file;
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            problems.add(Settings.CONFIG_FILE_VARIABLE + ": cannot read " + file + ": " + e.getMessage());
            return;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            problems.add(Settings.CONFIG_FILE_VARIABLE + ": " + file + " must be a map of setting: value");
            return;
        }
        root.fields().forEachRemaining(entry -> {
            var setting = Settings.byName(entry.getKey());
            if (setting.isEmpty()) {
                problems.add(entry.getKey() + " (in " + file + "): unknown setting; see docs/configuration.md");
            } else if (entry.getValue().isContainerNode() && !setting.get().equals(Settings.ICE_SERVERS)) {
                problems.add(entry.getKey() + " (in " + file + "): expected a single value");
            } else if (!entry.getValue().isNull()) {
                JsonNode node = entry.getValue();
                String value = node.isContainerNode() ? node.toString() : node.asText();
                raw.put(setting.get().name(), new RawValue(value, origin));
            }
        });
    }

    private static String summary(Map<String, RawValue> raw) {
        StringBuilder out = new StringBuilder("Configuration:");
        for (Setting setting : Settings.ALL) {
            RawValue value = raw.get(setting.name());
            String shown = value == null ? "(unset)"
                    : setting.secret() ? "**** (" + value.origin() + ")"
                    : value.value() + ("default".equals(value.origin()) ? "" : " (" + value.origin() + ")");
            out.append("\n  ").append(setting.name()).append(" = ").append(shown);
        }
        return out.toString();
    }

    /** A setting's text and where it came from ("default", "environment" or the YAML file). */
    record RawValue(String value, String origin) {
    }

    /** The parsed configuration and a human summary with secrets masked, for the start-up log. */
    public record LoadedConfig(ServerConfig config, String summary) {
    }
}
