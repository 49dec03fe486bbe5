package dev.gofer.store.secret.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

import dev.gofer.store.common.config.StoreConfig;

/**
 * Encrypts secret values at rest: AES-256-GCM under {@code gofer.store.encryption-key}, a fresh 12-byte nonce per
 * value, and associated data that binds the ciphertext to its place ({@code ns/pipeline/key}), so a value copied to
 * another row does not decrypt. Built at startup: a missing or malformed key stops the service with a clear message.
 */
@Startup
@Singleton
public class SecretCipher {

    static final String KEY_PROPERTY = "gofer.store.encryption-key (env GOFER_STORE_ENCRYPTION_KEY)";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final int keyVersion;

    @Inject
    public SecretCipher(StoreConfig config) {
        this(parseKey(config.encryptionKey()), config.encryptionKeyVersion());
    }

    SecretCipher(byte[] key, int keyVersion) {
        if (keyVersion < 1) {
            throw new IllegalStateException("gofer.store.encryption-key-version must be >= 1");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.keyVersion = keyVersion;
    }

    /** The 32 key bytes from their configured base64 text, or an exception that says what is wrong (not the key). */
    static byte[] parseKey(Optional<String> base64) {
        if (base64.isEmpty() || base64.get().isBlank()) {
            throw new IllegalStateException(KEY_PROPERTY + " is not set: store-service needs the base64 of 32 random "
                    + "bytes to encrypt secrets at rest (e.g. `openssl rand -base64 32`)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.get().trim());
        } catch (IllegalArgumentException e) {
            // The cause quotes the offending character of the key: leave it out.
            throw new IllegalStateException(KEY_PROPERTY + " is not valid base64: it must be the base64 of 32 random "
                    + "bytes");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(KEY_PROPERTY + " decodes to " + bytes.length
                    + " bytes: it must be the base64 of exactly 32 random bytes (AES-256)");
        }
        return bytes;
    }

    public int keyVersion() {
        return keyVersion;
    }

    public EncryptedValue encrypt(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new EncryptedValue(nonce, cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)), keyVersion);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt secret value", e);
        }
    }

    public String decrypt(EncryptedValue value, String associatedData) {
        if (value.keyVersion() != keyVersion) {
            throw new IllegalStateException("secret was encrypted under key version " + value.keyVersion()
                    + " but this service holds version " + keyVersion);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, value.nonce()));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(value.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt secret (wrong encryption key or tampered row)");
        }
    }
}
