package org.chatalot.installer.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text file from {@code templates/} with {@code {{name}}} placeholders. Rendering fails when the
 * template names a value that was not given or a given value is never used, so a renamed placeholder
 * cannot silently leave a literal {@code {{…}}} in a production config.
 */
public final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    public static Template load(String name) {
        try (InputStream in = Template.class.getResourceAsStream("/templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("template missing from the jar: " + name);
            }
            return new Template(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String render(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        TreeSet<String> unused = new TreeSet<>(values.keySet());
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException(name + ": no value for {{" + key + "}}");
            }
            unused.remove(key);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        if (!unused.isEmpty()) {
            throw new IllegalStateException(name + ": values never used: " + unused);
        }
        return out.toString();
    }
}
