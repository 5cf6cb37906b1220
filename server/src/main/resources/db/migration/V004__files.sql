-- Uploaded files. The content lives on disk at DATA_DIR/files/<last two hex digits of id>/<id>: the path
-- comes from the id alone, never from anything a client sent.

CREATE TABLE stored_file (
    id           UUID                     NOT NULL PRIMARY KEY,
    uploader_id  UUID                     NOT NULL REFERENCES app_user (id),
    -- the channel whose members may read it; NULL until it is posted (then only the uploader and admins)
    channel_id   UUID                     REFERENCES channel (id),
    -- the message it is attached to; a file is attached at most once
    message_id   UUID                     REFERENCES message (id),
    -- sanitised display name: no path, no control characters, at most 255 bytes of UTF-8
    name         VARCHAR(1024)            NOT NULL,
    size_bytes   BIGINT                   NOT NULL,
    -- sniffed from the content; what the client claimed is never stored
    content_type VARCHAR(100)             NOT NULL,
    sha256       CHAR(64)                 NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    attached_at  TIMESTAMP WITH TIME ZONE,
    -- place among the message's attachments, as the sender listed them
    attach_order INT,
    CONSTRAINT ck_file_size CHECK (size_bytes >= 0)
);
-- quota: the sum of one user's files
CREATE INDEX ix_file_uploader ON stored_file (uploader_id);
-- history (the attachments of a page of messages) and housekeeping (never attached, oldest first)
CREATE INDEX ix_file_message ON stored_file (message_id, created_at);
CREATE INDEX ix_file_channel ON stored_file (channel_id);
