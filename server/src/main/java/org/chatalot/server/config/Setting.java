package org.chatalot.server.config;

/**
 * One configuration variable: its environment name, default (null when unset by default), whether its
 * value must be masked in logs, and the one-line meaning shown in the start-up summary and the docs.
 */
public record Setting(String name, String defaultValue, boolean secret, String description) {

    static Setting of(String name, String defaultValue, String description) {
        return new Setting(name, defaultValue, false, description);
    }

    static Setting secret(String name, String description) {
        return new Setting(name, null, true, description);
    }

    /** The key as written in the YAML file: the variable name in lower case. */
    public String yamlKey() {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
