package org.chatalot.server.message;

import java.util.List;
import java.util.UUID;

/**
 * The search index, told of every change to what messages say once that change is committed: messages
 * stored (in commit order), and messages edited or deleted. It keeps its own copy, which may lag the
 * database for a moment and is rebuilt from it after a crash; it must never slow the write path down.
 */
public interface TextIndex {

    /** A stored message as search sees it; {@code encryption} set means the text is opaque and not indexed. */
    record IndexedText(UUID messageId, UUID channelId, UUID senderId, String content, String encryption,
                       boolean hasFile) {
    }

    /** Messages just committed, in commit order. Called on the writer's thread: must return at once. */
    void stored(List<IndexedText> texts);

    /** A message whose text changed or that was deleted (committed): the index reads it again. */
    void changed(UUID messageId);

    /** An index that keeps nothing (for tools and tests that need no search). */
    TextIndex NONE = new TextIndex() {
        @Override
        public void stored(List<IndexedText> texts) {
        }

        @Override
        public void changed(UUID messageId) {
        }
    };
}
