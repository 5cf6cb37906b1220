package org.chatalot.server.message;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chatalot.server.channel.Memberships;

/**
 * Who a message's text mentions. {@code @username} (any case) mentions that user when they are a member of
 * the channel; {@code @channel} mentions every member. The sender never mentions themselves, and an
 * encrypted message mentions nobody (its text is not the server's to read).
 */
public final class Mentions {
    /** At most this many different {@code @names} of one message are looked up; the rest are plain text. */
    static final int MAX_NAMES = 20;
    static final String CHANNEL = "channel";
    // Not after a word character, '@' or '.', so "me@example.com" mentions nobody.
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_@.])@([A-Za-z0-9][A-Za-z0-9_.-]{0,31})");

    private final Function<String, Optional<UUID>> userIdByName;
    private final Memberships memberships;

    /** {@code userIdByName}: the id of the account with this username (any case), if there is one. */
    public Mentions(Function<String, Optional<UUID>> userIdByName, Memberships memberships) {
        this.userIdByName = userIdByName;
        this.memberships = memberships;
    }

    /** Who is mentioned: those named directly, and with {@code @channel} everyone then in the channel. */
    public record Mentioned(List<UUID> direct, boolean isChannel, Set<UUID> everyone) {
        public static final Mentioned NONE = new Mentioned(List.of(), false, Set.of());
    }

    /** The mentions of one message, to store. */
    public record OfMessage(UUID messageId, UUID channelId, Mentioned mentioned) {
    }

    public Mentioned of(UUID channelId, UUID senderId, String content, String encryption) {
        if (encryption != null || content == null || content.indexOf('@') < 0) {
            return Mentioned.NONE;
        }
        Set<String> names = names(content);
        boolean isChannel = names.remove(CHANNEL);
        List<UUID> direct = new ArrayList<>();
        names.stream().limit(MAX_NAMES).map(this::resolve).flatMap(Optional::stream).distinct()
                .filter(id -> !id.equals(senderId) && memberships.isMember(channelId, id)).forEach(direct::add);
        Set<UUID> everyone = new LinkedHashSet<>(direct);
        if (isChannel) {
            memberships.members(channelId).stream().filter(id -> !id.equals(senderId)).forEach(everyone::add);
        }
        return direct.isEmpty() && !isChannel ? Mentioned.NONE : new Mentioned(List.copyOf(direct), isChannel,
                Set.copyOf(everyone));
    }

    /** Whether the text says {@code @channel}: shown on every copy of the message, so not stored. */
    public static boolean saysChannel(String content, String encryption) {
        return encryption == null && content != null && content.indexOf('@') >= 0 && names(content).contains(CHANNEL);
    }

    /** The {@code @names} in the text, lower-cased, in order of first appearance. */
    static Set<String> names(String content) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(content);
        while (matcher.find()) {
            names.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** A name as written, or without the punctuation that ends a sentence ("thanks @bob."). */
    private Optional<UUID> resolve(String name) {
        Optional<UUID> id = userIdByName.apply(name);
        String trimmed = name.replaceAll("[._-]+$", "");
        return id.isPresent() || trimmed.equals(name) || trimmed.isEmpty() ? id : userIdByName.apply(trimmed);
    }
}
