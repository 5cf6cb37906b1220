package org.chatalot.server.channel;

import org.chatalot.server.common.Text;
import org.chatalot.server.error.InvalidInput;

/** Shapes of channel names and topics. */
final class ChannelRules {
    static final int NAME_MAX = 80;
    static final int TOPIC_MAX = 500;

    private ChannelRules() {
    }

    static String name(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("name", "required");
        }
        String name = value.strip();
        if (Text.length(name) > NAME_MAX) {
            throw new InvalidInput("name", "must be at most " + NAME_MAX + " characters");
        }
        if (Text.hasControlOrDirectionCharacters(name)) {
            throw new InvalidInput("name", "must not contain control or text-direction characters");
        }
        return name;
    }

    /** Null stays null (no change or none); blank means no topic. */
    static String topic(String value) {
        if (value == null) {
            return null;
        }
        String topic = value.strip();
        if (Text.length(topic) > TOPIC_MAX) {
            throw new InvalidInput("topic", "must be at most " + TOPIC_MAX + " characters");
        }
        return topic;
    }
}
