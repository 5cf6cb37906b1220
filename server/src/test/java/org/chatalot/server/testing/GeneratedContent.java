package org.chatalot.server.testing;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * Any number of incompressible bytes, made as they are read and hashed on the way, so a test can send a
 * file larger than its own heap and still know its SHA-256.
 */
public final class GeneratedContent extends InputStream {
    private static final int BLOCK = 1024 * 1024;

    private final long size;
    private final byte[] block = new byte[BLOCK];
    private final MessageDigest sha256;
    private long produced;
    private String digest;

    public GeneratedContent(long size, long seed) {
        this.size = size;
        new Random(seed).nextBytes(block);
        block[0] = (byte) 0xA5;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public long size() {
        return size;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (produced >= size) {
            return -1;
        }
        int inBlock = (int) (produced % BLOCK);
        int count = (int) Math.min(Math.min(length, BLOCK - inBlock), size - produced);
        System.arraycopy(block, inBlock, buffer, offset, count);
        // Each mebibyte differs from the last, so nothing downstream can deduplicate or compress it away.
        if (inBlock == 0 && count > 8 && produced > 0) {
            long mark = produced / BLOCK;
            for (int i = 1; i < 8; i++) {
                buffer[offset + i] ^= (byte) (mark >>> (8 * i));
            }
        }
        sha256.update(buffer, offset, count);
        produced += count;
        return count;
    }

    /** The SHA-256 of everything read; valid once the stream was read to its end. */
    public String sha256() {
        if (produced < size) {
            throw new IllegalStateException("only " + produced + " of " + size + " bytes were read");
        }
        if (digest == null) {
            digest = HexFormat.of().formatHex(sha256.digest());
        }
        return digest;
    }
}
