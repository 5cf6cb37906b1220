-- The sender's own id for a message (a browser outbox's key). A message sent again with the same
-- client_id by the same sender, after a lost acknowledgement, a reconnect or a server restart, is the same
-- message: the unique index makes that hold in the database itself. Messages without one (NULL) never collide.
ALTER TABLE message ADD COLUMN client_id VARCHAR(64);
CREATE UNIQUE INDEX uq_message_client ON message (sender_id, client_id);
