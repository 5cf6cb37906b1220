package org.chatalot.server.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

class FileTypesTest {

    @Test
    void commonFormatsAreRecognisedByTheirSignature() {
        assertThat(type(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, "x")).isEqualTo("image/png");
        assertThat(type(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "x")).isEqualTo("image/jpeg");
        assertThat(type(ascii("%PDF-1.7\n"), "x")).isEqualTo("application/pdf");
        assertThat(type(ascii("RIFF\0\0\0\0WEBPVP8 "), "x")).isEqualTo("image/webp");
        assertThat(type(ascii("\0\0\0\u0018ftypisom"), "x")).isEqualTo("video/mp4");
        assertThat(type(ascii("\0\0\0\u0018ftypheic"), "x")).isEqualTo("image/heic");
        assertThat(type(new byte[] {0x1F, (byte) 0x8B, 8, 0}, "x")).isEqualTo("application/gzip");
    }

    @Test
    void textIsToldApartFromMarkupAndBinary() {
        assertThat(type(utf8("grüße aus köln\n"), "notes")).isEqualTo("text/plain");
        assertThat(type(utf8("\uFEFF  <!DOCTYPE html><html>"), "page")).isEqualTo("text/html");
        assertThat(type(utf8("<?xml version=\"1.0\"?>\n<svg xmlns=\"…\"/>"), "pic")).isEqualTo("image/svg+xml");
        assertThat(type(utf8("<?xml version=\"1.0\"?><feed/>"), "feed")).isEqualTo("application/xml");
        assertThat(type(new byte[] {1, 2, 3, 0, (byte) 0xFE}, "blob")).isEqualTo("application/octet-stream");
        assertThat(type(ascii("MZ is a nice postcode\n"), "text")).as("MZ alone is not a program").isEqualTo(
                "text/plain");
    }

    @Test
    void zipArchivesAreOpenedFarEnoughToSpotProgramsAndDocuments() throws IOException {
        assertThat(type(zip("docs/readme.txt", "hi"), "a.zip")).isEqualTo("application/zip");
        assertThat(type(zip("mimetype", "application/vnd.oasis.opendocument.text"), "a.odt"))
                .isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(type(zip("[Content_Types].xml", "<Types/>"), "report.docx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(refusal(zip("META-INF/MANIFEST.MF", "Main-Class: x"), "tool.zip")).isEqualTo("a Java program");
        assertThat(refusal(zip("AndroidManifest.xml", "<x/>"), "app.zip")).isEqualTo("an Android program");
    }

    @Test
    void programsAndScriptsAreRefusedByContentOrName() {
        assertThat(refusal(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0}, "cat.jpg")).isEqualTo("a Windows program");
        assertThat(refusal(new byte[] {0x7F, 'E', 'L', 'F', 2}, "x")).isEqualTo("a Linux program");
        assertThat(refusal(new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE}, "x"))
                .isEqualTo("a macOS program");
        assertThat(refusal(utf8("#!/usr/bin/env python3\nprint(1)"), "data.csv")).isEqualTo("a script");
        assertThat(refusal(utf8("echo hi"), "run.BAT")).contains(".bat");
        assertThat(refusal(utf8("x"), "invoice.pdf.js")).contains(".js");
        assertThat(FileTypes.refusalForName("holiday.jpg")).isNull();
    }

    private static String type(byte[] head, String name) {
        FileTypes.Verdict verdict = FileTypes.judge(head, head.length, name);
        assertThat(verdict.isRefused()).as("refused: " + verdict.refusal()).isFalse();
        return verdict.mediaType();
    }

    private static String refusal(byte[] head, String name) {
        return FileTypes.judge(head, head.length, name).refusal();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A real archive whose first entry is stored uncompressed, as OpenDocument requires of "mimetype". */
    private static byte[] zip(String firstEntry, String content) throws IOException {
        byte[] data = utf8(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry(firstEntry);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(data.length);
            CRC32 crc = new CRC32();
            crc.update(data);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(data);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
