package org.chatalot.server.common;

/**
 * Rules for text people see as a name (display names, channel names, reactions) and for fitting text into
 * columns. Limits a person reads are counted in characters (code points: an emoji is one); columns count
 * UTF-16 units (an emoji is two), which is why a column holds twice the characters its limit allows.
 */
public final class Text {
    private Text() {
    }

    /** Characters as a person counts them. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /**
     * Whether {@code value} holds a control character or one that reorders the text around it: the
     * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E,
     * U+200F, U+061C). An override makes {@code invoice‮fdp.exe} read as {@code invoiceexe.pdf}.
     */
    public static boolean hasControlOrDirectionCharacters(String value) {
        return value.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL || isDirectional(c));
    }

    /** Whether {@code value} holds a character that reorders the text around it (see above). */
    public static boolean hasDirectionCharacters(String value) {
        return value.codePoints().anyMatch(Text::isDirectional);
    }

    /** At most {@code maxUnits} UTF-16 units (a column's width), never cutting a character in two. */
    public static String truncate(String value, int maxUnits) {
        if (value == null || value.length() <= maxUnits) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(maxUnits - 1)) ? maxUnits - 1 : maxUnits;
        return value.substring(0, end);
    }

    private static boolean isDirectional(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }
}
