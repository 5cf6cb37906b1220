package org.chatalot.bench.core;

/**
 * The text every benchmark message carries, the same for every server and protocol:
 * {@code bench:<round>:<sender>:<nanoTime>;}. Receivers find it in whatever frame the server wraps it in
 * (a JSON event, an XMPP stanza, a bare frame), so one load generator measures all of them alike.
 */
public record Marker(int round, int sender, long sentNanos) {
    private static final String PREFIX = "bench:";

    public String text() {
        return PREFIX + round + ':' + sender + ':' + sentNanos + ';';
    }

    /** The marker in a frame, or null when the frame carries none (acks, presence, other events). */
    public static Marker find(CharSequence frame) {
        String text = frame.toString();
        int start = text.indexOf(PREFIX);
        if (start < 0) {
            return null;
        }
        int roundEnd = text.indexOf(':', start + PREFIX.length());
        int senderEnd = roundEnd < 0 ? -1 : text.indexOf(':', roundEnd + 1);
        int end = senderEnd < 0 ? -1 : text.indexOf(';', senderEnd + 1);
        if (end < 0) {
            return null;
        }
        try {
            return new Marker(Integer.parseInt(text, start + PREFIX.length(), roundEnd, 10),
                    Integer.parseInt(text, roundEnd + 1, senderEnd, 10),
                    Long.parseLong(text, senderEnd + 1, end, 10));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
