package com.clockface.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest: AES-256-GCM, a fresh random 12-byte nonce per value, and associated data that
 * binds each value to its purpose (e.g. {@code "template:42:face-reid-0095"}), so a ciphertext copied
 * into another row or another person fails to decrypt instead of silently becoming their data.
 *
 * <p>Stored layout: {@code [1 byte format version][12 byte nonce][ciphertext + 16 byte tag]}.
 * Plain bytes and keys never go to a log or an exception message.
 */
public final class Crypto {

    private static final byte FORMAT = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final String AD_PREFIX = "clockface/v1/";

    private final SecretKey key;
    private final String keyName;    // where the key came from, for messages
    private final SecureRandom random = new SecureRandom();

    /** @param rawKey 32 bytes; copied. @param keyName where it came from (a path), used in messages only */
    public Crypto(byte[] rawKey, String keyName) {
        if (rawKey == null || rawKey.length != 32) {
            throw new IllegalArgumentException("An AES-256 key has 32 bytes.");
        }
        this.key = new SecretKeySpec(rawKey.clone(), "AES");
        this.keyName = keyName;
    }

    public byte[] encrypt(byte[] plain, String purpose) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(ad(purpose));
            byte[] ct = c.doFinal(plain);
            byte[] out = new byte[1 + NONCE + ct.length];
            out[0] = FORMAT;
            System.arraycopy(nonce, 0, out, 1, NONCE);
            System.arraycopy(ct, 0, out, 1 + NONCE, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new StoreException(StoreException.Reason.OTHER, "Encryption failed: this Java runtime lacks AES-GCM ("
                    + e.getClass().getSimpleName() + ").", e);
        }
    }

    /**
     * @throws StoreException KEY when the key is wrong, the value was altered, or it belongs to another purpose
     */
    public byte[] decrypt(byte[] blob, String purpose) {
        if (blob == null || blob.length < 1 + NONCE + TAG_BITS / 8 || blob[0] != FORMAT) {
            throw new StoreException(StoreException.Reason.CORRUPT, "The encrypted value for " + purpose
                    + " is damaged (unknown format). Restore the database from a backup or delete and re-enrol the value.");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 1, NONCE));
            c.updateAAD(ad(purpose));
            return c.doFinal(blob, 1 + NONCE, blob.length - 1 - NONCE);
        } catch (AEADBadTagException e) {
            throw new StoreException(StoreException.Reason.KEY, "The stored " + purpose.replaceAll(":.*", "")
                    + " data cannot be decrypted with the key in " + keyName + ": the key file belongs to another "
                    + "database, or the data was altered. Point CLOCKFACE_KEY_FILE at this database's own key file.", e);
        } catch (GeneralSecurityException e) {
            throw new StoreException(StoreException.Reason.OTHER, "Decryption failed: this Java runtime lacks AES-GCM ("
                    + e.getClass().getSimpleName() + ").", e);
        }
    }

    public String keyName() { return keyName; }

    private static byte[] ad(String purpose) {
        return (AD_PREFIX + purpose).getBytes(StandardCharsets.UTF_8);
    }

    /** Little-endian IEEE-754, 4 bytes per value: the embedding's plain-text layout before encryption. */
    public static byte[] floatsToBytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    public static float[] bytesToFloats(byte[] bytes) {
        if (bytes.length % 4 != 0) {
            throw new StoreException(StoreException.Reason.CORRUPT, "A stored embedding has a length that is not a "
                    + "whole number of floats. Delete the template and enrol the person again.");
        }
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        Arrays.fill(bytes, (byte) 0); // do not leave the plain copy lying around longer than needed
        return v;
    }

    @Override
    public String toString() { return "Crypto[" + keyName + "]"; }
}
