package org.chatalot.server.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for secrets at rest (TOTP secrets). Output is nonce || ciphertext+tag; the associated data
 * (the user id) binds a ciphertext to its row so it cannot be copied onto another account.
 */
public final class SecretBox {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(SecretKey key) {
        this.key = key;
    }

    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Decrypts; throws when the key, the data or the associated data do not match. */
    public byte[] open(byte[] box, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(box, 0, NONCE_BYTES)));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(box, NONCE_BYTES, box.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored secret cannot be decrypted (was TOTP_ENCRYPTION_KEY changed?)", e);
        }
    }
}
