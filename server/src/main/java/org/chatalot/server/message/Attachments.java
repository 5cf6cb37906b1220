package org.chatalot.server.message;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chatalot.model.file.FileInfo;
import org.chatalot.server.common.Principal;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.InvalidInput;

/**
 * How messages reach the files feature without depending on it: check that attachments may be used, bind
 * them to the message in the same transaction that stores it, and look them up for history.
 */
public interface Attachments {

    /** Throws when the caller may not attach these files to a message in this channel. */
    List<FileInfo> check(Principal who, UUID channelId, List<UUID> fileIds);

    /** Called inside the message's transaction. */
    void bind(Sql.Tx tx, UUID messageId, UUID channelId, List<UUID> fileIds);

    Map<UUID, List<FileInfo>> forMessages(List<UUID> messageIds);

    /** Until files exist: no attachments. */
    Attachments NONE = new Attachments() {
        @Override
        public List<FileInfo> check(Principal who, UUID channelId, List<UUID> fileIds) {
            if (fileIds != null && !fileIds.isEmpty()) {
                throw new InvalidInput("attachments", "file attachments are not enabled on this server");
            }
            return List.of();
        }

        @Override
        public void bind(Sql.Tx tx, UUID messageId, UUID channelId, List<UUID> fileIds) {
        }

        @Override
        public Map<UUID, List<FileInfo>> forMessages(List<UUID> messageIds) {
            return Map.of();
        }
    };
}
