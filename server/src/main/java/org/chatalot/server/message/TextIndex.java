package org.chatalot.server.message;

import java.util.List;
import java.util.UUID;

import org.chatalot.server.db.Sql;

/**
 * What the database keeps of a message's text beside the message (the search index). Told of every
 * message stored, and of every text an edit or a delete replaces, inside the transaction that changes the
 * message, so the two never disagree.
 */
public interface TextIndex {

    /** A message's text as stored; {@code encryption} set means the text is opaque and is not indexed. */
    record IndexedText(UUID messageId, UUID channelId, String content, String encryption) {
    }

    void add(Sql.Tx tx, List<IndexedText> texts);

    void remove(Sql.Tx tx, IndexedText text);

    /** An index that keeps nothing (for tools and tests that need no search). */
    TextIndex NONE = new TextIndex() {
        @Override
        public void add(Sql.Tx tx, List<IndexedText> texts) {
        }

        @Override
        public void remove(Sql.Tx tx, IndexedText text) {
        }
    };
}
