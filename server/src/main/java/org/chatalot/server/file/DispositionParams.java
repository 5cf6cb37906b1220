package org.chatalot.server.file;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The parameters of a part's {@code Content-Disposition: form-data; name="…"; filename="…"} header. */
final class DispositionParams {
    private static final String UTF8_PREFIX = "utf-8''";

    private DispositionParams() {
    }

    /** Parameter names in lower case; quoted values unquoted ({@code \"} and {@code \\} unescaped). */
    static Map<String, String> parse(String header) {
        Map<String, String> params = new HashMap<>();
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = header.substring(i + 1, eq).trim().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            int next = readValue(header, eq + 1, value);
            params.putIfAbsent(key, value.toString());
            i = header.indexOf(';', next);
        }
        return params;
    }

    /** {@code filename*} (RFC 5987, UTF-8 only) when present and readable, else {@code filename}. */
    static String filename(Map<String, String> params) {
        String extended = params.get("filename*");
        if (extended != null && extended.toLowerCase(Locale.ROOT).startsWith(UTF8_PREFIX)) {
            String decoded = percentDecode(extended.substring(UTF8_PREFIX.length()));
            if (decoded != null) {
                return decoded;
            }
        }
        String plain = params.get("filename");
        // HTML forms escape these three as %22, %0D and %0A (WHATWG multipart/form-data encoding).
        return plain == null ? null : plain.replace("%22", "\"").replace("%0D", "").replace("%0A", "");
    }

    private static int readValue(String header, int from, StringBuilder value) {
        int i = from;
        while (i < header.length() && header.charAt(i) == ' ') {
            i++;
        }
        if (i < header.length() && header.charAt(i) == '"') {
            i++;
            while (i < header.length() && header.charAt(i) != '"') {
                char c = header.charAt(i);
                boolean escape = c == '\\' && i + 1 < header.length()
                        && (header.charAt(i + 1) == '"' || header.charAt(i + 1) == '\\');
                value.append(escape ? header.charAt(++i) : c);
                i++;
            }
            return i + 1;
        }
        int end = header.indexOf(';', i);
        value.append((end < 0 ? header.substring(i) : header.substring(i, end)).trim());
        return end < 0 ? header.length() : end;
    }

    private static String percentDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
