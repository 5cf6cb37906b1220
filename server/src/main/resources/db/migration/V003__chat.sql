-- Channels, members, messages (with edit history), reactions and blocks.

CREATE TABLE channel (
    id              UUID                     NOT NULL PRIMARY KEY,
    kind            VARCHAR(10)              NOT NULL,
    visibility      VARCHAR(10)              NOT NULL,
    name            VARCHAR(80),
    topic           VARCHAR(500),
    -- "smaller-id:larger-id" for DMs: one DM channel per pair, enforced by the database
    dm_key          VARCHAR(80),
    created_by      UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    archived_at     TIMESTAMP WITH TIME ZONE,
    deleted_at      TIMESTAMP WITH TIME ZONE,
    last_message_id UUID,
    CONSTRAINT uq_channel_dm UNIQUE (dm_key),
    CONSTRAINT ck_channel_kind CHECK (kind IN ('text', 'voice', 'dm')),
    CONSTRAINT ck_channel_visibility CHECK (visibility IN ('public', 'private'))
);

CREATE TABLE channel_member (
    channel_id        UUID                     NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    user_id           UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role              VARCHAR(10)              NOT NULL,
    joined_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_read_message UUID,
    PRIMARY KEY (channel_id, user_id),
    CONSTRAINT ck_member_role CHECK (role IN ('owner', 'moderator', 'member'))
);
CREATE INDEX ix_member_user ON channel_member (user_id);

CREATE TABLE message (
    id         UUID                     NOT NULL PRIMARY KEY,
    channel_id UUID                     NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    sender_id  UUID                     NOT NULL REFERENCES app_user (id),
    -- opaque to the server: up to 64 KiB of text or a client-encrypted envelope
    content    CHARACTER VARYING(65536),
    encryption VARCHAR(40),
    reply_to   UUID,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_at  TIMESTAMP WITH TIME ZONE,
    deleted_at TIMESTAMP WITH TIME ZONE,
    deleted_by UUID
);
-- history pages: newest first within a channel; ids are time-ordered
CREATE INDEX ix_message_channel ON message (channel_id, id);

CREATE TABLE message_edit (
    message_id  UUID                     NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    replaced_at TIMESTAMP WITH TIME ZONE NOT NULL,
    content     CHARACTER VARYING(65536),
    encryption  VARCHAR(40)
);
CREATE INDEX ix_message_edit ON message_edit (message_id, replaced_at);

CREATE TABLE reaction (
    message_id UUID                     NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    user_id    UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    emoji      VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (message_id, user_id, emoji)
);

CREATE TABLE user_block (
    blocker_id UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    blocked_id UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);
