package org.chatalot.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class UploadBodyTest {

    @Test
    void theStreamedBodyHasExactlyTheAnnouncedLengthAndOneFileField() throws Exception {
        UploadBody body = new UploadBody(200_000);

        byte[] all;
        try (InputStream in = body.stream()) {
            all = in.readAllBytes();
        }

        assertThat((long) all.length).isEqualTo(body.length());
        String head = new String(all, 0, 200, StandardCharsets.ISO_8859_1);
        assertThat(head).startsWith("--" + UploadBody.BOUNDARY + "\r\n").contains("name=\"file\"");
        assertThat(new String(all, all.length - 60, 60, StandardCharsets.ISO_8859_1))
                .endsWith("\r\n--" + UploadBody.BOUNDARY + "--\r\n");
        assertThat(body.contentType()).isEqualTo("multipart/form-data; boundary=" + UploadBody.BOUNDARY);
    }
}
