package org.chatalot.server.file;

import java.nio.charset.StandardCharsets;

/** Read-only helpers over the first bytes of an upload, for {@link FileTypes}. */
record Bytes(byte[] head, int length) {
    private static final int TEXT_START_CHARS = 1024;

    /** The unsigned byte at {@code index}, or -1 past the end. */
    int at(int index) {
        return index < length ? head[index] & 0xFF : -1;
    }

    boolean startsWith(int offset, byte[] magic) {
        if (offset + magic.length > length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code magic} as ISO-8859-1, so "\u00FF" stands for the byte 0xFF. */
    boolean startsWith(int offset, String magic) {
        return startsWith(offset, magic.getBytes(StandardCharsets.ISO_8859_1));
    }

    String ascii(int offset, int count) {
        if (offset + count > length) {
            return "";
        }
        return new String(head, offset, count, StandardCharsets.ISO_8859_1);
    }

    boolean isZero(int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            if (at(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The beginning of a text file, after a UTF-8 byte order mark and leading white space. */
    String textStart() {
        int start = startsWith(0, "\u00EF\u00BB\u00BF") ? 3 : 0;
        while (start < length && Character.isWhitespace(head[start])) {
            start++;
        }
        return new String(head, start, Math.min(TEXT_START_CHARS, length - start), StandardCharsets.ISO_8859_1);
    }
}
