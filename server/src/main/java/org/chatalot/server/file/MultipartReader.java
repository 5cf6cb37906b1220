package org.chatalot.server.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.chatalot.server.error.InvalidInput;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) as it arrives, one part at a time, through a fixed
 * 64 KiB buffer: a part's content is a stream that ends where the next boundary starts, so a file of any
 * size passes through without ever being held in memory.
 */
public final class MultipartReader {
    static final int MAX_PARTS = 16;
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_BOUNDARY = 70;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int pos;
    private int limit;
    private boolean endOfInput;
    private boolean finished;
    private int parts;
    private PartStream current;

    /** {@code boundary}: the {@code boundary} parameter of the request's Content-Type. */
    public MultipartReader(InputStream in, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
            throw malformed("Content-Type needs a boundary of 1-70 characters (multipart/form-data; boundary=…)");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // The first boundary may open the body without a line break before it: pretend there was one.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
        current = new PartStream();
    }

    /** One part: its form field name, the file name if it is a file, and its content. */
    public record Part(String name, String filename, InputStream body) {
    }

    /** The next part (skipping whatever of the previous one was not read), or null after the last. */
    public Part next() throws IOException {
        current.skipRest();
        if (finished) {
            return null;
        }
        if (ensure(2) && buffer[pos] == '-' && buffer[pos + 1] == '-') {
            finish();
            return null;
        }
        if (++parts > MAX_PARTS) {
            throw malformed("more than " + MAX_PARTS + " parts");
        }
        skipLineRest();
        Map<String, String> disposition = readHeaders();
        String name = disposition.get("name");
        if (name == null) {
            throw malformed("a part has no Content-Disposition: form-data; name=…");
        }
        current = new PartStream();
        return new Part(name, DispositionParams.filename(disposition), current);
    }

    /** After the closing boundary: reads the epilogue so the connection is left at the next request. */
    private void finish() throws IOException {
        finished = true;
        pos = limit;
        while (in.read(buffer) >= 0) {
            // discard: nothing after the closing boundary means anything
        }
        endOfInput = true;
    }

    /** After a boundary: optional white space, then the line break. */
    private void skipLineRest() throws IOException {
        while (ensure(1) && (buffer[pos] == ' ' || buffer[pos] == '\t')) {
            pos++;
        }
        if (!ensure(2) || buffer[pos] != '\r' || buffer[pos + 1] != '\n') {
            throw malformed("expected a line break after the boundary");
        }
        pos += 2;
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> disposition = null;
        int total = 0;
        while (true) {
            String line = readLine(MAX_HEADER_BYTES - total);
            total += line.length() + 2;
            if (line.isEmpty()) {
                return disposition == null ? Map.of() : disposition;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-disposition")) {
                disposition = DispositionParams.parse(line.substring(colon + 1));
            }
        }
    }

    private String readLine(int maxBytes) throws IOException {
        while (true) {
            for (int i = pos; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    String line = new String(buffer, pos, i - pos, StandardCharsets.UTF_8);
                    pos = i + 2;
                    return line;
                }
            }
            if (limit - pos > maxBytes) {
                throw malformed("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (!fill(limit - pos + 1)) {
                throw malformed("the body ended inside a part's headers");
            }
        }
    }

    /** True when at least {@code count} bytes are buffered from {@code pos} (reading more if needed). */
    private boolean ensure(int count) throws IOException {
        return limit - pos >= count || fill(count);
    }

    /** Moves what is left to the front and reads until {@code count} bytes are buffered or the input ends. */
    private boolean fill(int count) throws IOException {
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < count && !endOfInput) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                endOfInput = true;
            } else {
                limit += read;
            }
        }
        return limit >= count;
    }

    private int indexOfDelimiter() {
        int last = limit - delimiter.length;
        for (int i = pos; i <= last; i++) {
            if (buffer[i] == delimiter[0] && matchesAt(i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchesAt(int index) {
        for (int j = 1; j < delimiter.length; j++) {
            if (buffer[index + j] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    static InvalidInput malformed(String why) {
        return new InvalidInput("file", "malformed multipart/form-data body: " + why);
    }

    /** A part's content: everything up to (not including) the line break before the next boundary. */
    private final class PartStream extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            ensure(delimiter.length);
            int found = indexOfDelimiter();
            if (found == pos) {
                done = true;
                pos += delimiter.length;
                return -1;
            }
            if (found < 0 && endOfInput) {
                throw malformed("the body ended before the closing boundary (upload cut short?)");
            }
            int safeEnd = found >= 0 ? found : limit - delimiter.length + 1;
            int count = Math.min(length, safeEnd - pos);
            System.arraycopy(buffer, pos, target, offset, count);
            pos += count;
            return count;
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // discard the unread rest of this part
            }
        }
    }
}
