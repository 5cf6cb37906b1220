package org.chatalot.model.search;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.chatalot.model.message.Message;

/**
 * One message that matches a search. {@code snippet} is plain text from the message around its first match
 * (the whole text when short; an ellipsis marks a cut), and {@code highlights} are the matched words in it.
 */
public record SearchHit(@JsonProperty("channel_id") UUID channelId,
                        Message message,
                        String snippet,
                        List<TextRange> highlights) {
}
