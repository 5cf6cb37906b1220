package org.chatalot.bench.xmpp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The peers' configuration files, kept as resources beside this class with {@code {{name}}} placeholders. */
final class Templates {
    private Templates() {
    }

    static String render(String resource, Map<String, String> values) {
        String text;
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the benchmark jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        if (text.contains("{{")) {
            throw new IllegalStateException(resource + " has a placeholder left: " + text);
        }
        return text;
    }
}
