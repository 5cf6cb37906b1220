package org.chatalot.server.file;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.chatalot.model.file.FileInfo;
import org.chatalot.server.common.Principal;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Conflict;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.message.Attachments;

/**
 * Files as message attachments. A sender may attach only files they uploaded that no message has yet, and
 * that were posted in this channel or nowhere; attaching posts the file in the message's channel, so from
 * then on exactly that channel's members can read it.
 */
public final class FileAttachments implements Attachments {
    private final FileRepository files;
    private final Clock clock;

    public FileAttachments(FileRepository files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    @Override
    public List<FileInfo> check(Principal who, UUID channelId, List<UUID> fileIds) {
        if (fileIds == null || fileIds.isEmpty()) {
            return List.of();
        }
        Set<UUID> seen = new HashSet<>();
        List<FileInfo> infos = new ArrayList<>(fileIds.size());
        for (UUID id : fileIds) {
            if (id == null || !seen.add(id)) {
                throw new InvalidInput("attachments", "each entry must be a different file id");
            }
            StoredFile file = files.byId(id).filter(f -> f.uploaderId().equals(who.userId()))
                    .orElseThrow(() -> new InvalidInput("attachments", "no file of yours with id " + id));
            if (file.isAttached()) {
                throw new InvalidInput("attachments", "file " + id + " is already attached to a message");
            }
            if (file.isPosted() && !file.channelId().equals(channelId)) {
                throw new InvalidInput("attachments", "file " + id + " was uploaded to another channel");
            }
            infos.add(file.info());
        }
        return infos;
    }

    @Override
    public void bind(Sql.Tx tx, UUID messageId, UUID channelId, List<UUID> fileIds) {
        for (int i = 0; i < fileIds.size(); i++) {
            UUID fileId = fileIds.get(i);
            if (!files.bind(tx, fileId, messageId, channelId, clock.instant(), i)) {
                throw new Conflict("attachment_taken", "attachments",
                        "file " + fileId + " was attached to another message or deleted meanwhile");
            }
        }
    }

    @Override
    public Map<UUID, List<FileInfo>> forMessages(List<UUID> messageIds) {
        if (messageIds == null || messageIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<FileInfo>> byMessage = new LinkedHashMap<>();
        for (StoredFile file : files.forMessages(messageIds)) {
            byMessage.computeIfAbsent(file.messageId(), id -> new ArrayList<>()).add(file.info());
        }
        return byMessage;
    }
}
