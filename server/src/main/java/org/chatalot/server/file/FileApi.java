package org.chatalot.server.file;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.chatalot.model.file.FileErrorCodes;
import org.chatalot.model.file.FileInfo;
import org.chatalot.server.common.Principal;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.NotFound;
import org.chatalot.server.error.ServiceException;
import org.chatalot.server.error.TooMany;
import org.chatalot.server.error.UnsupportedMedia;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.ErrorResponses;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.PathParams;
import org.chatalot.server.http.RateLimiter;
import org.chatalot.server.http.Routes;
import org.chatalot.server.http.UploadBody;

/**
 * {@code /api/files}: upload (multipart, streamed), download (streamed, with ranges), metadata, delete,
 * and the caller's usage. Downloads are always attachments, never rendered by the browser in our origin.
 */
public final class FileApi implements HttpService {
    /** Even if a browser were talked into rendering a file, it could run nothing and load nothing. */
    static final String DOWNLOAD_CSP = "default-src 'none'; sandbox";
    private static final HeaderName CONTENT_SECURITY_POLICY = HeaderNames.create("Content-Security-Policy");

    private final Uploads uploads;
    private final FileService files;
    private final Access access;
    private final Json json;
    private final ErrorResponses errors;
    private final RateLimiter uploadRate;

    public FileApi(Uploads uploads, FileService files, Access access, Json json, ErrorResponses errors,
                   RateLimiter uploadRate) {
        this.uploads = uploads;
        this.files = files;
        this.access = access;
        this.json = json;
        this.errors = errors;
        this.uploadRate = uploadRate;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .post("/", access.member(this::upload))
                .get("/usage", access.member((who, req, res) -> json.send(res, files.usage(who))))
                .get("/{id}", access.member(this::download))
                .get("/{id}/meta", access.member((who, req, res) -> json.send(res, files.meta(who, fileId(req)))))
                .delete("/{id}", access.member((who, req, res) -> {
                    files.delete(who, fileId(req));
                    res.status(Status.NO_CONTENT_204).send();
                }))
                .register();
    }

    private void upload(Principal who, ServerRequest req, ServerResponse res) {
        UploadBody body = new UploadBody(req);
        try {
            json.send(res, Status.CREATED_201, receive(who, req, body));
        } catch (ServiceException e) {
            body.refuse(res, errors, e);
        } catch (UploadBody.ClientGone e) {
            throw new CloseConnectionException("upload abandoned by the client", e);
        }
    }

    /** Everything that can be refused from the headers alone is, before the body is opened. */
    private FileInfo receive(Principal who, ServerRequest req, UploadBody body) {
        requireUploadRate(who);
        String boundary = boundary(req);
        UUID channel = channelParam(req);
        try {
            return uploads.receive(who, body.declaredLength(), channel,
                    () -> new MultipartReader(body.open(), boundary));
        } catch (IOException e) {
            throw new UncheckedIOException("upload failed", e);
        }
    }

    private void download(Principal who, ServerRequest req, ServerResponse res) {
        try (FileService.Download download = files.open(who, fileId(req))) {
            FileInfo info = download.info();
            Optional<ByteRange> range = requestedRange(req, info);
            downloadHeaders(res, info);
            range.ifPresent(r -> {
                res.status(Status.PARTIAL_CONTENT_206);
                res.header(HeaderNames.CONTENT_RANGE, r.contentRange(info.sizeBytes()));
            });
            long length = range.map(ByteRange::length).orElse(info.sizeBytes());
            res.header(HeaderNames.CONTENT_LENGTH, Long.toString(length));
            stream(download.content(), range.map(ByteRange::start).orElse(0L), length, res);
        }
    }

    private static void downloadHeaders(ServerResponse res, FileInfo info) {
        res.header(HeaderNames.CONTENT_TYPE, info.contentType());
        res.header(HeaderNames.CONTENT_DISPOSITION, FileNames.contentDisposition(info.name()));
        res.header(HeaderNames.CACHE_CONTROL, "private");
        res.header(HeaderNames.ETAG, etag(info));
        res.header(HeaderNames.ACCEPT_RANGES, "bytes");
        res.header(CONTENT_SECURITY_POLICY, DOWNLOAD_CSP);
    }

    /** {@code If-Range} with another validator means the client's partial copy is stale: send it all. */
    private static Optional<ByteRange> requestedRange(ServerRequest req, FileInfo info) {
        Optional<String> range = req.headers().first(HeaderNames.RANGE);
        Optional<String> ifRange = req.headers().first(HeaderNames.IF_RANGE);
        if (range.isEmpty() || ifRange.isPresent() && !ifRange.get().equals(etag(info))) {
            return Optional.empty();
        }
        return ByteRange.parse(range.get(), info.sizeBytes());
    }

    private static void stream(FileChannel content, long start, long length, ServerResponse res) {
        try (OutputStream out = res.outputStream()) {
            if (length == 0) {
                return;
            }
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long position = start;
            long left = length;
            var sink = Channels.newChannel(out);
            while (left > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                int read = content.read(buffer, position);
                if (read < 0) {
                    throw new IOException("file shorter on disk than its recorded size");
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    sink.write(buffer);
                }
                position += read;
                left -= read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("download failed", e);
        }
    }

    private void requireUploadRate(Principal who) {
        long wait = uploadRate.acquire(who.userId().toString());
        if (wait > 0) {
            throw new TooMany(FileErrorCodes.UPLOAD_RATE_LIMITED,
                    "too many uploads in the last minute; retry in " + wait + " s", wait);
        }
    }

    /** The multipart boundary; anything but multipart/form-data is refused before the body is read. */
    private static String boundary(ServerRequest req) {
        Optional<HttpMediaType> type = req.headers().contentType();
        if (type.isEmpty() || !type.get().mediaType().text().toLowerCase(Locale.ROOT).equals("multipart/form-data")) {
            throw new UnsupportedMedia("send the file as multipart/form-data with a part named \"file\"");
        }
        return type.get().parameters().get("boundary");
    }

    private static UUID channelParam(ServerRequest req) {
        String value = PathParams.query(req, "channel_id");
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("channel_id", "must be a channel id (UUID)");
        }
    }

    /** A malformed id names no file: 404, like an unknown one. */
    private static UUID fileId(ServerRequest req) {
        try {
            return UUID.fromString(req.path().pathParameters().get("id"));
        } catch (IllegalArgumentException e) {
            throw new NotFound("no such file");
        }
    }

    private static String etag(FileInfo info) {
        return "\"" + info.sha256() + "\"";
    }
}
