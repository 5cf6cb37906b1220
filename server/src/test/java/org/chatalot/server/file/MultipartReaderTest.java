package org.chatalot.server.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.testing.FileClient;

class MultipartReaderTest {
    private static final String B = "XyZ123";

    @Test
    void readsEachPartWithItsNameFilenameAndContent() throws IOException {
        String body = "preamble is ignored\r\n--" + B
                + "\r\nContent-Disposition: form-data; name=\"channel_id\"\r\n\r\nabc\r\n--" + B
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a b.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\nworld\r\n--" + B + "--\r\nepilogue too";

        List<String[]> parts = readAll(new ByteArrayInputStream(bytes(body)));

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).containsExactly("channel_id", null, "abc");
        assertThat(parts.get(1)).containsExactly("file", "a b.txt", "hello\r\nworld");
    }

    @Test
    void boundaryLookalikesInsideContentStayContent() throws IOException {
        String tricky = "--" + B + " not at a line start\r\n--" + B.substring(0, 4) + "\r\n-" + "\r\n--XyZ12";
        String body = "--" + B + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t\"\r\n\r\n" + tricky
                + "\r\n--" + B + "--";

        assertThat(readAll(new ByteArrayInputStream(bytes(body))).getFirst()[2]).isEqualTo(tricky);
    }

    @Test
    void contentLargerThanTheBufferArrivingOneByteAtATimeIsIntact() throws IOException {
        byte[] content = FileClient.randomBytes(200_000, 7);
        byte[] form = FileClient.form("big.bin", content);
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(form)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };

        MultipartReader reader = new MultipartReader(trickle, FileClient.BOUNDARY);
        MultipartReader.Part part = reader.next();

        assertThat(part.body().readAllBytes()).isEqualTo(content);
        assertThat(reader.next()).isNull();
    }

    @Test
    void extendedFilenameWinsAndFormEscapesAreUndone() throws IOException {
        String body = "--" + B + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fallback.txt\"; "
                + "filename*=UTF-8''%C3%BCber%20plan.txt\r\n\r\nx\r\n--" + B + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"say %22hi%22 \\\"now\\\".txt\"\r\n\r\n"
                + "y\r\n--" + B + "--";

        List<String[]> parts = readAll(new ByteArrayInputStream(bytes(body)));

        assertThat(parts.get(0)[1]).isEqualTo("über plan.txt");
        assertThat(parts.get(1)[1]).isEqualTo("say \"hi\" \"now\".txt");
    }

    @Test
    void bodyCutShortIsMalformedNamingTheFileField() {
        String body = "--" + B + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t\"\r\n\r\nhalf of it";

        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(bytes(body))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("before the closing boundary")
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("file"));
    }

    @Test
    void partWithoutANameAndTooManyPartsAreRefused() {
        String nameless = "--" + B + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + B + "--";
        String many = ("--" + B + "\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n")
                .repeat(MultipartReader.MAX_PARTS + 1) + "--" + B + "--";

        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(bytes(nameless))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("no Content-Disposition");
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(bytes(many))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("more than " + MultipartReader.MAX_PARTS);
        assertThatThrownBy(() -> new MultipartReader(InputStream.nullInputStream(), null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("boundary");
    }

    private static List<String[]> readAll(InputStream in) throws IOException {
        MultipartReader reader = new MultipartReader(in, in instanceof ByteArrayInputStream ? B : FileClient.BOUNDARY);
        List<String[]> parts = new ArrayList<>();
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            part.body().transferTo(content);
            parts.add(new String[] {part.name(), part.filename(), content.toString(StandardCharsets.UTF_8)});
        }
        return parts;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
