package org.chatalot.installer.doctor;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Asks the server whether it would speak one TLS version, by sending a hand-built ClientHello offering
 * only that version and reading the ServerHello. The JDK refuses to offer TLS 1.0/1.1 at all (its security
 * policy disables them), and loosening that policy would weaken every other connection in the process;
 * this probe never gets past the hello, so it carries no data and trusts nothing.
 */
final class ProtocolProbe {
    static final int TLS10 = 0x0301;
    static final int TLS11 = 0x0302;
    static final int TLS12 = 0x0303;
    static final int TLS13 = 0x0304;
    private static final int[] LEGACY_SUITES = {0xc009, 0xc00a, 0xc013, 0xc014, 0x002f, 0x0035, 0x000a, 0x00ff};
    private static final int[] TLS12_SUITES = {0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc009, 0xc013,
        0xc00a, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035, 0x00ff};
    private static final int[] TLS13_SUITES = {0x1301, 0x1302, 0x1303, 0x00ff};
    private static final int[] SIGNATURES = {0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601,
        0x0203, 0x0201};
    private static final SecureRandom RANDOM = new SecureRandom();

    private ProtocolProbe() {
    }

    static String name(int version) {
        return switch (version) {
            case TLS10 -> "TLS 1.0";
            case TLS11 -> "TLS 1.1";
            case TLS12 -> "TLS 1.2";
            case TLS13 -> "TLS 1.3";
            default -> String.format("0x%04x", version);
        };
    }

    /** True when the server answered with a ServerHello for exactly {@code version}. */
    static boolean accepts(String host, int port, int version, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(clientHello(host, version));
            out.flush();
            return readServerVersion(new DataInputStream(socket.getInputStream())) == version;
        } catch (EOFException | SocketException closed) {
            return false;
        }
    }

    static byte[] clientHello(String host, int version) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        put16(body, Math.min(version, TLS12));
        body.writeBytes(random(32));
        body.write(0);
        int[] suites = version == TLS13 ? TLS13_SUITES : version == TLS12 ? TLS12_SUITES : LEGACY_SUITES;
        put16(body, suites.length * 2);
        for (int suite : suites) {
            put16(body, suite);
        }
        body.write(1);
        body.write(0);
        byte[] extensions = extensions(host, version);
        put16(body, extensions.length);
        body.writeBytes(extensions);
        return record(0x01, body.toByteArray());
    }

    private static byte[] extensions(String host, int version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] name = host.getBytes(StandardCharsets.US_ASCII);
        extension(out, 0x0000, concat(u16(name.length + 3), new byte[] {0}, u16(name.length), name));
        extension(out, 0x000a, concat(u16(6), u16(0x001d), u16(0x0017), u16(0x0018)));
        extension(out, 0x000b, new byte[] {1, 0});
        if (version >= TLS12) {
            ByteArrayOutputStream algorithms = new ByteArrayOutputStream();
            for (int algorithm : SIGNATURES) {
                put16(algorithms, algorithm);
            }
            extension(out, 0x000d, concat(u16(algorithms.size()), algorithms.toByteArray()));
        }
        if (version == TLS13) {
            extension(out, 0x002b, new byte[] {2, 0x03, 0x04});
            extension(out, 0x0033, concat(u16(36), u16(0x001d), u16(32), random(32)));
        }
        return out.toByteArray();
    }

    /** The version the ServerHello settles on (supported_versions wins for TLS 1.3), or -1 on an alert. */
    static int readServerVersion(DataInputStream in) throws IOException {
        int type = in.readUnsignedByte();
        in.readUnsignedShort();
        byte[] fragment = new byte[in.readUnsignedShort()];
        in.readFully(fragment);
        if (type != 0x16 || fragment.length < 40 || fragment[0] != 0x02) {
            return -1;
        }
        ByteBuffer hello = ByteBuffer.wrap(fragment, 4, fragment.length - 4);
        int legacyVersion = hello.getShort() & 0xffff;
        hello.position(hello.position() + 32);
        int sessionIdLength = hello.get() & 0xff;
        hello.position(hello.position() + sessionIdLength + 3);
        if (hello.remaining() < 2) {
            return legacyVersion;
        }
        int extensionsLength = hello.getShort() & 0xffff;
        int end = hello.position() + extensionsLength;
        while (hello.position() + 4 <= Math.min(end, hello.limit())) {
            int extensionType = hello.getShort() & 0xffff;
            int length = hello.getShort() & 0xffff;
            if (extensionType == 0x002b && length == 2) {
                return hello.getShort() & 0xffff;
            }
            hello.position(hello.position() + length);
        }
        return legacyVersion;
    }

    private static byte[] record(int handshakeType, byte[] body) {
        byte[] handshake = concat(new byte[] {(byte) handshakeType, (byte) (body.length >> 16),
            (byte) (body.length >> 8), (byte) body.length}, body);
        return concat(new byte[] {0x16, 0x03, 0x01}, u16(handshake.length), handshake);
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        put16(out, type);
        put16(out, data.length);
        out.writeBytes(data);
    }

    private static void put16(ByteArrayOutputStream out, int value) {
        out.writeBytes(u16(value));
    }

    private static byte[] u16(int value) {
        return new byte[] {(byte) (value >> 8), (byte) value};
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
