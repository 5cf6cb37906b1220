package org.chatalot.server.file;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a file is, judged from its first bytes against a table of signatures; the type a client claims is
 * never asked. Programs and scripts are refused, by content and by a name that Windows or a desktop would
 * run on a double click, because a chat download is exactly how such files reach people.
 */
final class FileTypes {
    static final int SNIFF_BYTES = 8192;
    static final String OCTET_STREAM = "application/octet-stream";

    /** Names that run when opened on some desktop, whatever they contain. */
    static final Set<String> REFUSED_EXTENSIONS = Set.of(
            "exe", "dll", "com", "scr", "pif", "cpl", "msi", "msp", "msc", "bat", "cmd", "vbs", "vbe", "js", "jse",
            "wsf", "wsh", "ps1", "psm1", "psd1", "hta", "lnk", "reg", "inf", "sct", "jar", "apk", "appx", "msix",
            "xbap", "application", "gadget", "sh", "bash", "zsh", "csh", "ksh", "command", "run", "py", "pyw",
            "elf", "dex");

    private static final List<Signature> SIGNATURES = List.of(
            Signature.of(0, "image/png", 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A),
            Signature.of(0, "image/jpeg", 0xFF, 0xD8, 0xFF),
            Signature.ascii(0, "image/gif", "GIF87a"),
            Signature.ascii(0, "image/gif", "GIF89a"),
            Signature.of(0, "image/tiff", 'I', 'I', '*', 0),
            Signature.of(0, "image/tiff", 'M', 'M', 0, '*'),
            Signature.of(0, "image/x-icon", 0, 0, 1, 0),
            Signature.ascii(0, "application/pdf", "%PDF-"),
            Signature.ascii(0, "application/postscript", "%!PS"),
            Signature.ascii(0, "application/rtf", "{\\rtf"),
            Signature.ascii(0, "audio/mpeg", "ID3"),
            Signature.ascii(0, "audio/ogg", "OggS"),
            Signature.ascii(0, "audio/flac", "fLaC"),
            Signature.of(0, "video/webm", 0x1A, 0x45, 0xDF, 0xA3),
            Signature.of(0, "application/gzip", 0x1F, 0x8B),
            Signature.ascii(0, "application/x-bzip2", "BZh"),
            Signature.of(0, "application/x-xz", 0xFD, '7', 'z', 'X', 'Z', 0),
            Signature.of(0, "application/x-7z-compressed", '7', 'z', 0xBC, 0xAF, 0x27, 0x1C),
            Signature.of(0, "application/vnd.rar", 'R', 'a', 'r', '!', 0x1A, 0x07),
            Signature.of(0, "application/zstd", 0x28, 0xB5, 0x2F, 0xFD),
            Signature.ascii(257, "application/x-tar", "ustar"),
            Signature.ascii(0, "application/vnd.sqlite3", "SQLite format 3"),
            Signature.ascii(0, "font/woff", "wOFF"),
            Signature.ascii(0, "font/woff2", "wOF2"),
            Signature.ascii(0, "font/otf", "OTTO"),
            Signature.of(0, "application/x-ole-storage", 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1),
            Signature.refused(0, "a Linux program", 0x7F, 'E', 'L', 'F'),
            Signature.refused(0, "a macOS program", 0xFE, 0xED, 0xFA, 0xCE),
            Signature.refused(0, "a macOS program", 0xFE, 0xED, 0xFA, 0xCF),
            Signature.refused(0, "a macOS program", 0xCE, 0xFA, 0xED, 0xFE),
            Signature.refused(0, "a macOS program", 0xCF, 0xFA, 0xED, 0xFE),
            Signature.refused(0, "a macOS or Java program", 0xCA, 0xFE, 0xBA, 0xBE),
            Signature.refused(0, "an Android program", 'd', 'e', 'x', '\n'),
            Signature.refused(0, "a WebAssembly program", 0, 'a', 's', 'm'),
            Signature.refused(0, "a Windows shortcut", 'L', 0, 0, 0, 1, 0x14, 2, 0),
            Signature.refused(0, "a script", '#', '!'));

    private static final Map<String, String> ISO_BRANDS = Map.of(
            "heic", "image/heic", "heix", "image/heic", "mif1", "image/heif", "avif", "image/avif",
            "qt  ", "video/quicktime", "M4A ", "audio/mp4");
    private static final Map<String, String> OFFICE_BY_EXTENSION = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "doc", "application/msword", "xls", "application/vnd.ms-excel", "ppt", "application/vnd.ms-powerpoint");

    private FileTypes() {
    }

    /** Why a file of this name is refused before any of it is read, or null when the name is fine. */
    static String refusalForName(String name) {
        String extension = FileNames.extension(name);
        if (!REFUSED_EXTENSIONS.contains(extension)) {
            return null;
        }
        return "a ." + extension + " file, which runs as a program when opened";
    }

    /** The type (and, for refused files, why) of content starting with {@code head[0..length)}. */
    static Verdict judge(byte[] head, int length, String name) {
        String extension = FileNames.extension(name);
        String byName = refusalForName(name);
        if (byName != null) {
            return Verdict.refused(byName);
        }
        Bytes bytes = new Bytes(head, length);
        for (Signature signature : SIGNATURES) {
            if (signature.matches(bytes)) {
                return signature.refusal() != null ? Verdict.refused(signature.refusal())
                        : Verdict.of(refine(signature.type(), extension));
            }
        }
        Verdict container = containers(bytes, extension);
        return container != null ? container : textOrBinary(bytes);
    }

    private static String refine(String type, String extension) {
        return type.equals("application/x-ole-storage") ? OFFICE_BY_EXTENSION.getOrDefault(extension, type) : type;
    }

    /** Formats recognised by a structure rather than a fixed prefix: RIFF, ISO media, ZIP and DOS/PE. */
    private static Verdict containers(Bytes bytes, String extension) {
        if (bytes.startsWith(0, "RIFF")) {
            String kind = bytes.ascii(8, 4);
            return switch (kind) {
                case "WEBP" -> Verdict.of("image/webp");
                case "WAVE" -> Verdict.of("audio/wav");
                case "AVI " -> Verdict.of("video/x-msvideo");
                default -> Verdict.of(OCTET_STREAM);
            };
        }
        if (bytes.startsWith(4, "ftyp")) {
            return Verdict.of(ISO_BRANDS.getOrDefault(bytes.ascii(8, 4), "video/mp4"));
        }
        if (bytes.startsWith(0, "PK\u0003\u0004") || bytes.startsWith(0, "PK\u0005\u0006")) {
            return ZipSniffer.judge(bytes.head(), bytes.length(), OFFICE_BY_EXTENSION.get(extension));
        }
        if (bytes.startsWith(0, "MZ") && !isText(bytes)) {
            return Verdict.refused("a Windows program");
        }
        if (isMpegAudioFrame(bytes)) {
            return Verdict.of("audio/mpeg");
        }
        if (bytes.startsWith(0, "BM") && bytes.length() > 10 && bytes.isZero(6, 4)) {
            return Verdict.of("image/bmp");
        }
        return null;
    }

    private static boolean isMpegAudioFrame(Bytes bytes) {
        return bytes.length() >= 2 && bytes.at(0) == 0xFF && (bytes.at(1) & 0xF6) == 0xF2;
    }

    private static Verdict textOrBinary(Bytes bytes) {
        if (bytes.length() == 0) {
            return Verdict.of(OCTET_STREAM);
        }
        if (bytes.startsWith(0, "\u00FE\u00FF") || bytes.startsWith(0, "\u00FF\u00FE")) {
            return Verdict.of("text/plain");
        }
        if (!isText(bytes)) {
            return Verdict.of(OCTET_STREAM);
        }
        String start = bytes.textStart().toLowerCase(Locale.ROOT);
        if (start.startsWith("<svg") || start.startsWith("<!doctype svg")
                || (start.startsWith("<?xml") && start.contains("<svg"))) {
            return Verdict.of("image/svg+xml");
        }
        if (start.startsWith("<?xml")) {
            return Verdict.of("application/xml");
        }
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
                || start.startsWith("<body") || start.startsWith("<script") || start.startsWith("<iframe")) {
            return Verdict.of("text/html");
        }
        return Verdict.of("text/plain");
    }

    /** UTF-8 (a sequence cut by the end of the sample is fine) without NULs or unusual control characters. */
    private static boolean isText(Bytes bytes) {
        for (int i = 0; i < bytes.length(); i++) {
            int c = bytes.at(i);
            if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B)) {
                return false;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int usable = bytes.length();
        for (int back = 0; back < 3 && usable > 0 && (bytes.at(usable - 1) & 0xC0) == 0x80; back++) {
            usable--;
        }
        if (usable > 0 && bytes.at(usable - 1) >= 0xC0) {
            usable--;
        }
        try {
            decoder.decode(ByteBuffer.wrap(bytes.head(), 0, usable));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The outcome: a media type to store and serve, or a reason to refuse. */
    record Verdict(String mediaType, String refusal) {
        static Verdict of(String mediaType) {
            return new Verdict(mediaType, null);
        }

        static Verdict refused(String why) {
            return new Verdict(null, why);
        }

        boolean isRefused() {
            return refusal != null;
        }
    }

    private record Signature(int offset, byte[] magic, String type, String refusal) {
        static Signature of(int offset, String type, int... magic) {
            return new Signature(offset, toBytes(magic), type, null);
        }

        static Signature ascii(int offset, String type, String magic) {
            return new Signature(offset, magic.getBytes(StandardCharsets.ISO_8859_1), type, null);
        }

        static Signature refused(int offset, String why, int... magic) {
            return new Signature(offset, toBytes(magic), null, why);
        }

        boolean matches(Bytes bytes) {
            return bytes.startsWith(offset, magic);
        }

        private static byte[] toBytes(int... values) {
            byte[] out = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (byte) values[i];
            }
            return out;
        }
    }
}
