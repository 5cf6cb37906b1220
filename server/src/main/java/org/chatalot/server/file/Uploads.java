package org.chatalot.server.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;

import org.chatalot.model.file.FileErrorCodes;
import org.chatalot.model.file.FileInfo;
import org.chatalot.server.channel.ChannelAccess;
import org.chatalot.server.common.Principal;
import org.chatalot.server.db.Ids;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.PayloadTooLarge;
import org.chatalot.server.error.Unavailable;
import org.chatalot.server.error.UnsupportedMedia;

/**
 * Receives one upload: everything that can be refused before the body is read is refused first (declared
 * size, quota, disk space, channel); then the file streams through a 64 KiB buffer into a mode-600 temp
 * file while its SHA-256 is computed, its size and the uploader's quota are checked as it grows, and its
 * first bytes decide its type. Only a complete, accepted file is renamed into place and given a row; on any
 * failure the temp file is deleted and the quota reservation given back.
 */
public final class Uploads {
    /** What multipart framing and part headers may add to a file's size in {@code Content-Length}. */
    static final long MULTIPART_ALLOWANCE = 64 * 1024;
    private static final int CHUNK_BYTES = 64 * 1024;

    private final FileRepository files;
    private final FileStore store;
    private final QuotaGuard quota;
    private final ChannelAccess channels;
    private final Ids ids;
    private final Clock clock;
    private final FileLimits limits;
    private final long minFreeDiskBytes;

    public Uploads(FileRepository files, FileStore store, ChannelAccess channels, Ids ids, Clock clock,
                   FileLimits limits, long minFreeDiskBytes) {
        this.files = files;
        this.store = store;
        this.channels = channels;
        this.ids = ids;
        this.clock = clock;
        this.limits = limits;
        this.minFreeDiskBytes = minFreeDiskBytes;
        this.quota = new QuotaGuard(limits::quotaBytes, user -> files.usageOf(user).bytes());
    }

    /**
     * Stores the {@code file} part of the form {@code body} opens. {@code declaredLength} is the request's
     * Content-Length (-1 when chunked); {@code channelId} may also come as a form field. {@code body} is
     * opened only after the early checks, so a client that sent {@code Expect: 100-continue} is refused
     * before it sends a byte.
     */
    public FileInfo receive(Principal who, long declaredLength, UUID channelId, Supplier<MultipartReader> body)
            throws IOException {
        long maxFileBytes = limits.maxFileBytes();
        if (declaredLength > maxFileBytes + MULTIPART_ALLOWANCE) {
            throw tooLarge(maxFileBytes);
        }
        requireDiskSpace(declaredLength >= 0 ? declaredLength : maxFileBytes);
        UUID channel = channelId == null ? null : postable(who, channelId);
        try (QuotaGuard.Ticket ticket = quota.open(who.userId())) {
            ticket.ensure(Math.max(0, declaredLength - MULTIPART_ALLOWANCE));
            Received received = readForm(who, channel, body.get(), ticket, maxFileBytes);
            try {
                return keep(who, received, ticket);
            } finally {
                store.discard(received.temp());
            }
        }
    }

    private Received readForm(Principal who, UUID channelId, MultipartReader form, QuotaGuard.Ticket ticket,
                              long maxFileBytes) throws IOException {
        UUID channel = channelId;
        Received file = null;
        try {
            for (MultipartReader.Part part = form.next(); part != null; part = form.next()) {
                switch (part.name()) {
                    case "file" -> file = receiveFile(part, file, ticket, maxFileBytes);
                    case "channel_id" -> channel = channelField(who, part, channel);
                    default -> {
                        // other fields are ignored; next() skips them
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                store.discard(file.temp());
            }
            throw e;
        }
        if (file == null) {
            throw new InvalidInput("file", "required: send the file as the multipart/form-data field \"file\"");
        }
        return file.in(channel);
    }

    private Received receiveFile(MultipartReader.Part part, Received previous, QuotaGuard.Ticket ticket,
                                 long maxFileBytes) throws IOException {
        if (previous != null) {
            throw new InvalidInput("file", "send one file per upload");
        }
        String name = FileNames.sanitize(part.filename());
        String refusal = FileTypes.refusalForName(name);
        if (refusal != null) {
            throw refused(refusal);
        }
        UUID id = ids.next();
        Path temp = store.createIncoming(id);
        try {
            return copy(part, new Target(id, name, temp), ticket, maxFileBytes);
        } catch (IOException | RuntimeException e) {
            store.discard(temp);
            throw e;
        }
    }

    /** Streams the part to disk; judges the type as soon as enough has arrived, to refuse programs early. */
    private Received copy(MultipartReader.Part part, Target target, QuotaGuard.Ticket ticket, long maxFileBytes)
            throws IOException {
        MessageDigest sha256 = sha256();
        byte[] chunk = new byte[CHUNK_BYTES];
        byte[] head = new byte[FileTypes.SNIFF_BYTES];
        int headLength = 0;
        FileTypes.Verdict verdict = null;
        long size = 0;
        try (FileChannel out = FileChannel.open(target.temp(), StandardOpenOption.WRITE)) {
            for (int read = part.body().read(chunk); read >= 0; read = part.body().read(chunk)) {
                size += read;
                if (size > maxFileBytes) {
                    throw tooLarge(maxFileBytes);
                }
                ticket.ensure(size);
                if (verdict == null) {
                    int take = Math.min(read, head.length - headLength);
                    System.arraycopy(chunk, 0, head, headLength, take);
                    headLength += take;
                    verdict = headLength == head.length ? accepted(head, headLength, target.name()) : null;
                }
                sha256.update(chunk, 0, read);
                writeFully(out, chunk, read);
            }
            out.force(true);
        }
        verdict = verdict == null ? accepted(head, headLength, target.name()) : verdict;
        return new Received(target.id(), target.temp(), target.name(), size, verdict.mediaType(),
                HexFormat.of().formatHex(sha256.digest()), null);
    }

    private FileInfo keep(Principal who, Received file, QuotaGuard.Ticket ticket) {
        // The database keeps microseconds: answer with the time a later read will return.
        StoredFile row = new StoredFile(file.id(), who.userId(), file.channelId(), null, file.name(), file.size(),
                file.type(), file.sha256(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        return ticket.commit(file.size(), () -> {
            try {
                store.keep(file.temp(), file.id());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move upload " + file.id() + " into place", e);
            }
            try {
                files.insert(row);
            } catch (RuntimeException e) {
                store.remove(file.id());
                throw e;
            }
            return row.info();
        });
    }

    private UUID channelField(Principal who, MultipartReader.Part part, UUID already) throws IOException {
        byte[] value = part.body().readNBytes(64);
        String text = new String(value, java.nio.charset.StandardCharsets.UTF_8).trim();
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("channel_id", "must be a channel id (UUID)");
        }
        if (already != null && !already.equals(id)) {
            throw new InvalidInput("channel_id", "given twice with different values");
        }
        return postable(who, id);
    }

    /** The caller must be allowed to post in the channel (a member, channel not archived). */
    private UUID postable(Principal who, UUID channelId) {
        return channels.poster(who, channelId).id();
    }

    private void requireDiskSpace(long needed) {
        long usable;
        try {
            usable = store.usableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read free space of the files folder", e);
        }
        if (usable - needed < minFreeDiskBytes) {
            throw new Unavailable(FileErrorCodes.STORAGE_FULL,
                    "the server is short of disk space for uploads; tell the operator", 60);
        }
    }

    private static FileTypes.Verdict accepted(byte[] head, int length, String name) {
        FileTypes.Verdict verdict = FileTypes.judge(head, length, name);
        if (verdict.isRefused()) {
            throw refused(verdict.refusal());
        }
        return verdict;
    }

    private static PayloadTooLarge tooLarge(long maxFileBytes) {
        return new PayloadTooLarge(FileErrorCodes.FILE_TOO_LARGE, "file: larger than this server's limit of "
                + maxFileBytes / (1024 * 1024) + " MiB");
    }

    private static UnsupportedMedia refused(String why) {
        return new UnsupportedMedia(FileErrorCodes.FILE_TYPE_REFUSED,
                "file: programs and scripts cannot be shared here (this is " + why + "); put it in a ZIP archive");
    }

    private static void writeFully(FileChannel out, byte[] chunk, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, length);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Where a file being received goes, and what it will be called. */
    private record Target(UUID id, String name, Path temp) {
    }

    /** A file fully received into {@code temp}, not yet kept. */
    private record Received(UUID id, Path temp, String name, long size, String type, String sha256, UUID channelId) {
        Received in(UUID channel) {
            return new Received(id, temp, name, size, type, sha256, channel);
        }
    }
}
