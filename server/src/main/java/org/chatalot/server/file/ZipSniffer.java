package org.chatalot.server.file;

import java.nio.charset.StandardCharsets;

/**
 * Looks at the first entry of a ZIP archive: Java and Android programs are ZIPs whose first entry gives them
 * away, and OpenDocument/EPUB files name their own type in a first entry called {@code mimetype}.
 */
final class ZipSniffer {
    private static final int COMPRESSED_SIZE_OFFSET = 18;
    private static final int NAME_LENGTH_OFFSET = 26;
    private static final int HEADER_SIZE = 30;
    private static final int MAX_DECLARED_TYPE = 100;

    private ZipSniffer() {
    }

    /** {@code officeType}: the Office type the file's extension names, if any, used for OOXML archives. */
    static FileTypes.Verdict judge(byte[] head, int length, String officeType) {
        Bytes bytes = new Bytes(head, length);
        int nameLength = bytes.at(NAME_LENGTH_OFFSET) | bytes.at(NAME_LENGTH_OFFSET + 1) << 8;
        int extraLength = bytes.at(NAME_LENGTH_OFFSET + 2) | bytes.at(NAME_LENGTH_OFFSET + 3) << 8;
        if (nameLength <= 0 || HEADER_SIZE + nameLength > length) {
            return FileTypes.Verdict.of("application/zip");
        }
        String first = new String(head, HEADER_SIZE, nameLength, StandardCharsets.UTF_8);
        if (first.startsWith("META-INF/")) {
            return FileTypes.Verdict.refused("a Java program");
        }
        if (first.equals("AndroidManifest.xml") || first.equals("classes.dex")) {
            return FileTypes.Verdict.refused("an Android program");
        }
        if (first.equals("mimetype")) {
            return FileTypes.Verdict.of(declaredType(bytes, HEADER_SIZE + nameLength + extraLength));
        }
        if (first.equals("[Content_Types].xml") && officeType != null && officeType.contains("openxml")) {
            return FileTypes.Verdict.of(officeType);
        }
        return FileTypes.Verdict.of("application/zip");
    }

    /** The stored (uncompressed) {@code mimetype} entry of OpenDocument and EPUB files, when it is one of those. */
    private static String declaredType(Bytes bytes, int start) {
        int size = bytes.at(COMPRESSED_SIZE_OFFSET) | bytes.at(COMPRESSED_SIZE_OFFSET + 1) << 8;
        if (size <= 0 || size > MAX_DECLARED_TYPE) {
            return "application/zip";
        }
        String text = bytes.ascii(start, size);
        boolean known = text.matches("application/vnd\\.oasis\\.opendocument\\.[a-z.-]+")
                || text.equals("application/epub+zip");
        return known ? text : "application/zip";
    }
}
