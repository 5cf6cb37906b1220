-- Search, mentions, notification levels and status texts (issue 16).

-- The search index: one row per distinct word of a message's text, kept by the server in the same
-- transaction as the message's insert, edit and delete. Encrypted messages and deleted ones have no rows.
-- Keyed per channel, newest first, so a search walks only the channels its caller reads, from the newest
-- message down, and stops at the page's end.
CREATE TABLE search_word (
    word       VARCHAR(32) NOT NULL,
    channel_id UUID        NOT NULL,
    message_id UUID        NOT NULL
);
CREATE UNIQUE INDEX ix_search_word ON search_word (word, channel_id, message_id DESC);

-- Messages stored before this version are indexed by the server in the background, newest first: this row
-- says how far down that has come (every message with an id at or below it is still to do).
CREATE TABLE search_backfill (
    up_to UUID NOT NULL
);
INSERT INTO search_backfill (up_to) SELECT MAX(id) FROM message HAVING MAX(id) IS NOT NULL;

-- Who a message mentions: @username of a member (direct) or everyone through @channel, recorded when the
-- message is stored. Keyed for "mentions of this user in this channel after their read cursor".
CREATE TABLE mention (
    user_id    UUID    NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    channel_id UUID    NOT NULL,
    message_id UUID    NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    direct     BOOLEAN NOT NULL,
    PRIMARY KEY (user_id, channel_id, message_id)
);
CREATE INDEX ix_mention_message ON mention (message_id);

-- A member's notification level for a channel; NULL is the default (all for DMs, mentions for channels).
ALTER TABLE channel_member ADD COLUMN notify_level VARCHAR(10);
ALTER TABLE channel_member ADD CONSTRAINT ck_member_notify
    CHECK (notify_level IS NULL OR notify_level IN ('all', 'mentions', 'nothing'));

-- A line of text a user shows beside their name: at most 100 characters, so 200 UTF-16 units.
ALTER TABLE app_user ADD COLUMN status_text VARCHAR(200);
