package org.chatalot.server.search;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chatalot.server.db.Sql;
import org.chatalot.server.message.TextIndex;

/**
 * The word index: one row per distinct word of each plain-text message, written in the message's own
 * transaction (a whole group commit's words in one statement). Encrypted messages are never indexed.
 */
public final class SearchIndex implements TextIndex {
    /** Words of one message past this many are not indexed (a 64 KiB message could hold ten thousand). */
    static final int MAX_WORDS_PER_MESSAGE = 1000;

    @Override
    public void add(Sql.Tx tx, List<IndexedText> texts) {
        List<String> words = new ArrayList<>();
        List<UUID> channels = new ArrayList<>();
        List<UUID> messages = new ArrayList<>();
        for (IndexedText text : texts) {
            for (String word : wordsOf(text)) {
                words.add(word);
                channels.add(text.channelId());
                messages.add(text.messageId());
            }
        }
        if (!words.isEmpty()) {
            tx.update("search-word-insert-many", words.toArray(new String[0]), channels.toArray(new UUID[0]),
                    messages.toArray(new UUID[0]));
        }
    }

    @Override
    public void remove(Sql.Tx tx, IndexedText text) {
        List<String> words = wordsOf(text);
        if (!words.isEmpty()) {
            tx.update("search-word-delete", words.toArray(new String[0]), text.channelId(), text.messageId());
        }
    }

    static List<String> wordsOf(IndexedText text) {
        if (text.encryption() != null || text.content() == null) {
            return List.of();
        }
        return Words.distinct(text.content(), MAX_WORDS_PER_MESSAGE);
    }
}
