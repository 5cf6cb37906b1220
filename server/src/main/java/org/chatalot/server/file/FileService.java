package org.chatalot.server.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;

import org.chatalot.model.file.FileInfo;
import org.chatalot.model.file.FileUsage;
import org.chatalot.server.channel.ChannelAccess;
import org.chatalot.server.channel.Memberships;
import org.chatalot.server.common.Principal;
import org.chatalot.server.error.Forbidden;
import org.chatalot.server.error.NotFound;

/**
 * Reading and deleting stored files, and what they take per user. A file posted in a channel is readable
 * by that channel's members; a file posted nowhere yet by its uploader and admins. Everyone else is told
 * it does not exist, so file ids cannot be probed.
 */
public final class FileService {
    private static final System.Logger LOG = System.getLogger(FileService.class.getName());

    private final FileRepository files;
    private final FileStore store;
    private final ChannelAccess access;
    private final Memberships memberships;
    private final FileLimits limits;

    public FileService(FileRepository files, FileStore store, ChannelAccess access, Memberships memberships,
                       FileLimits limits) {
        this.files = files;
        this.store = store;
        this.access = access;
        this.memberships = memberships;
        this.limits = limits;
    }

    public FileInfo meta(Principal who, UUID fileId) {
        return readable(who, fileId).info();
    }

    /** The file's metadata and an open channel on its content; the caller closes it. */
    public Download open(Principal who, UUID fileId) {
        StoredFile file = readable(who, fileId);
        try {
            return new Download(file.info(), FileChannel.open(store.pathOf(file.id()), StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            LOG.log(System.Logger.Level.WARNING, "File " + fileId + " has a row but no content on disk");
            throw noSuchFile();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot open stored file " + fileId, e);
        }
    }

    /** The uploader, a moderator of the channel it was posted in, or an admin may delete a file. */
    public void delete(Principal who, UUID fileId) {
        StoredFile file = files.byId(fileId).orElseThrow(FileService::noSuchFile);
        boolean mayDelete = file.uploaderId().equals(who.userId()) || who.isAdmin()
                || (file.isPosted() && access.isModerator(who, file.channelId()));
        if (!mayDelete) {
            if (canRead(who, file)) {
                throw new Forbidden("only the uploader, a channel moderator or an admin can delete this file");
            }
            throw noSuchFile();
        }
        if (file.isPosted()) {
            access.requireWritable(file.channelId());
        }
        if (files.delete(fileId)) {
            store.remove(fileId);
        }
    }

    /** The caller's own usage and limits, for a client to show before uploading. */
    public FileUsage usage(Principal who) {
        StorageUsage usage = storageOf(who.userId());
        return new FileUsage(usage.bytes(), usage.files(), limits.quotaBytes(), limits.maxFileBytes());
    }

    /** Bytes and files stored by one user: what their quota counts. */
    public StorageUsage storageOf(UUID userId) {
        return files.usageOf(userId);
    }

    /** Bytes and files stored by everyone together. */
    public StorageUsage storageTotal() {
        return files.usageTotal();
    }

    /** Bytes and files stored per uploader, for users who have any (for the admin's storage overview). */
    public Map<UUID, StorageUsage> storageByUser() {
        return files.usageByUser();
    }

    private StoredFile readable(Principal who, UUID fileId) {
        StoredFile file = files.byId(fileId).orElseThrow(FileService::noSuchFile);
        if (!canRead(who, file)) {
            throw noSuchFile();
        }
        return file;
    }

    private boolean canRead(Principal who, StoredFile file) {
        if (file.isPosted()) {
            return memberships.isMember(file.channelId(), who.userId());
        }
        return file.uploaderId().equals(who.userId()) || who.isAdmin();
    }

    private static NotFound noSuchFile() {
        return new NotFound("no such file");
    }

    /** What a download needs: the metadata for the headers and the content. */
    public record Download(FileInfo info, FileChannel content) implements AutoCloseable {
        @Override
        public void close() {
            try {
                content.close();
            } catch (IOException e) {
                // nothing to do: the descriptor is gone either way
            }
        }
    }
}
