package org.chatalot.model.search;

/** A matched word in a snippet: UTF-16 offsets, {@code start} inclusive, {@code end} exclusive (as in JavaScript). */
public record TextRange(int start, int end) {
}
