package org.chatalot.server.file;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Display names for uploads and the {@code Content-Disposition} that carries them back. A name is only ever
 * shown and offered as a download name; it never becomes part of a path on our disk, but it will become one
 * on the downloader's, so it loses anything a file system or a terminal would interpret.
 */
final class FileNames {
    static final int MAX_NAME_BYTES = 255;
    static final String FALLBACK = "file";
    /** Characters Windows forbids in names, plus the separators of every platform. */
    private static final String RESERVED = "<>:\"/\\|?*";
    /** RFC 5987 attr-char besides letters and digits: everything else is percent-encoded. */
    private static final String ATTR_CHAR_EXTRA = "!#$&+-.^_`|~";

    private FileNames() {
    }

    /**
     * The last path segment of what the client sent (old browsers send {@code C:\dir\name}), without
     * control or bidirectional-override characters (which can make {@code exe.pdf} read as {@code fdp.exe}),
     * without Windows-reserved characters, leading dots or trailing dots and spaces, and at most 255 bytes.
     */
    static String sanitize(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = lastSegment(raw);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (isInvisibleOrControl(c)) {
                return;
            }
            clean.appendCodePoint(RESERVED.indexOf(c) >= 0 ? '_' : c);
        });
        // Trimmed again after the cut: a cut can end the name in "exe " or "exe.", which Windows saves as "exe".
        String trimmed = trimDots(truncate(trimDots(clean.toString().strip())));
        return trimmed.isEmpty() ? FALLBACK : trimmed;
    }

    /**
     * The extension after the last dot, lower case, or "" when there is none, as Windows sees it: trailing
     * dots and spaces, which Windows drops from a name, do not count.
     */
    static String extension(String name) {
        String seen = trimTrailing(name);
        int dot = seen.lastIndexOf('.');
        return dot < 0 ? "" : seen.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * {@code attachment} with an ASCII {@code filename} for old clients and the exact name in
     * {@code filename*} (RFC 6266 with RFC 5987 encoding) for everyone else.
     */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder(name.length());
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncode(name);
    }

    private static String lastSegment(String raw) {
        int cut = Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\'));
        return cut < 0 ? raw : raw.substring(cut + 1);
    }

    private static boolean isInvisibleOrControl(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    /** Leading dots would hide the file (and ".." means "parent"); Windows drops trailing dots and spaces. */
    private static String trimDots(String name) {
        int start = 0;
        while (start < name.length() && name.charAt(start) == '.') {
            start++;
        }
        return trimTrailing(name.substring(start)).strip();
    }

    private static String trimTrailing(String name) {
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1)))) {
            end--;
        }
        return name.substring(0, end);
    }

    /** Keeps the extension when a long name must be shortened, cutting only between code points. */
    private static String truncate(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return name;
        }
        String ext = extension(name);
        String suffix = ext.isEmpty() || ext.length() > 16 ? "" : name.substring(name.length() - ext.length() - 1);
        int budget = MAX_NAME_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder head = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length() - suffix.length(); ) {
            int c = name.codePointAt(i);
            int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            head.appendCodePoint(c);
            used += size;
            i += Character.charCount(c);
        }
        return head + suffix;
    }

    private static String percentEncode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHAR_EXTRA.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
