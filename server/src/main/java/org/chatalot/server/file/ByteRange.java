package org.chatalot.server.file;

import java.util.Optional;

import org.chatalot.server.error.RangeNotSatisfiable;

/**
 * One byte range of a download ({@code Range: bytes=…}, RFC 9110 §14). Only single ranges are served: a
 * request for several, or one the server cannot parse, gets the whole file, which the RFC allows and every
 * resuming client handles.
 */
record ByteRange(long start, long length) {
    private static final String UNIT = "bytes=";

    long end() {
        return start + length - 1;
    }

    /** {@code Content-Range} of this range within a file of {@code size} bytes. */
    String contentRange(long size) {
        return "bytes " + start + "-" + end() + "/" + size;
    }

    /** The range to send, empty for the whole file; throws when the range lies wholly past the end. */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null || !header.startsWith(UNIT) || header.indexOf(',') >= 0) {
            return Optional.empty();
        }
        String spec = header.substring(UNIT.length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String firstText = spec.substring(0, dash).trim();
        String lastText = spec.substring(dash + 1).trim();
        Long last = number(lastText);
        if (firstText.isEmpty()) {
            return suffix(last, size);
        }
        Long first = number(firstText);
        if (first == null || (!lastText.isEmpty() && (last == null || last < first))) {
            return Optional.empty();
        }
        if (first >= size) {
            throw new RangeNotSatisfiable(size);
        }
        long end = last == null ? size - 1 : Math.min(last, size - 1);
        return Optional.of(new ByteRange(first, end - first + 1));
    }

    /** {@code bytes=-N}: the last N bytes. */
    private static Optional<ByteRange> suffix(Long count, long size) {
        if (count == null) {
            return Optional.empty();
        }
        if (count == 0 || size == 0) {
            throw new RangeNotSatisfiable(size);
        }
        long length = Math.min(count, size);
        return Optional.of(new ByteRange(size - length, length));
    }

    /** A non-negative decimal, or null when the text is not one. */
    private static Long number(String digits) {
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(digits);
    }
}
