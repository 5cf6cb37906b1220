-- Mentions, notification levels and status texts (issue 16). The search index is not here: it is a Lucene
-- index beside the database (DATA_DIR/search), rebuilt from these tables whenever it is missing or behind.

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
