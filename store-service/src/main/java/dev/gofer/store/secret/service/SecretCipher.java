package dev.gofer.store.secret.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

import dev.gofer.store.common.config.StoreConfig;

/**
 * Encrypts secret values at rest: AES-256-GCM, a fresh 12-byte nonce per value, and associated data that binds the
 * ciphertext to its place ({@code ns/pipeline/key}), so a value copied to another row does not decrypt. Holds a key
 * ring: the current key ({@code gofer.store.encryption-key}, version {@code gofer.store.encryption-key-version}) that
 * encrypts, and earlier keys ({@code gofer.store.previous-encryption-keys}) that only decrypt rows not yet
 * re-encrypted. Built at startup: a missing, malformed or weak key stops the service with a message that names the
 * property and version, never the key.
 */
@Startup
@Singleton
public class SecretCipher {

    static final String KEY_PROPERTY = "gofer.store.encryption-key (env GOFER_STORE_ENCRYPTION_KEY)";
    static final String VERSION_PROPERTY = "gofer.store.encryption-key-version (env GOFER_STORE_ENCRYPTION_KEY_VERSION)";
    static final String PREVIOUS_PROPERTY = "gofer.store.previous-encryption-keys "
            + "(env GOFER_STORE_PREVIOUS_ENCRYPTION_KEYS)";
    private static final int KEY_BYTES = 32;
    /** 32 random bytes show fewer distinct values than this with a probability below 1e-9. */
    private static final int MIN_DISTINCT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<Integer, SecretKeySpec> keys;
    private final int keyVersion;

    @Inject
    public SecretCipher(StoreConfig config) {
        this(config.encryptionKeyVersion(), keyRing(config));
    }

    SecretCipher(byte[] key, int keyVersion) {
        this(keyVersion, Map.of(keyVersion, key));
    }

    /** A ring of {@code version -> 32 key bytes}; {@code currentVersion} must be among them. */
    public SecretCipher(int currentVersion, Map<Integer, byte[]> keys) {
        if (currentVersion < 1) {
            throw new IllegalStateException(VERSION_PROPERTY + " must be >= 1");
        }
        if (!keys.containsKey(currentVersion)) {
            throw new IllegalStateException("no key for the current version " + currentVersion);
        }
        Map<Integer, SecretKeySpec> ring = new TreeMap<>();
        keys.forEach((version, bytes) -> ring.put(version, new SecretKeySpec(bytes, "AES")));
        this.keys = Map.copyOf(ring);
        this.keyVersion = currentVersion;
    }

    /** The configured keys by version: the current one and every previous one, all checked. */
    static Map<Integer, byte[]> keyRing(StoreConfig config) {
        Map<Integer, byte[]> ring = new TreeMap<>(parsePrevious(config.previousEncryptionKeys()));
        if (ring.containsKey(config.encryptionKeyVersion())) {
            throw new IllegalStateException(PREVIOUS_PROPERTY + " has an entry for version "
                    + config.encryptionKeyVersion() + ", which is the current version (" + VERSION_PROPERTY
                    + "): list only the versions before it");
        }
        ring.put(config.encryptionKeyVersion(), parseKey(config.encryptionKey()));
        return ring;
    }

    /** The 32 key bytes from their configured base64 text, or an exception that says what is wrong (not the key). */
    static byte[] parseKey(Optional<String> base64) {
        if (base64.isEmpty() || base64.get().isBlank()) {
            throw new IllegalStateException(KEY_PROPERTY + " is not set: store-service needs the base64 of 32 random "
                    + "bytes to encrypt secrets at rest (e.g. `openssl rand -base64 32`)");
        }
        return decodeKey(base64.get(), KEY_PROPERTY);
    }

    /**
     * {@code 1:<base64>,2:<base64>}: earlier key versions, each checked like the current key. Messages name the
     * property and the entry or version, never the key.
     */
    static Map<Integer, byte[]> parsePrevious(Optional<String> spec) {
        Map<Integer, byte[]> out = new TreeMap<>();
        if (spec.isEmpty() || spec.get().isBlank()) {
            return out;
        }
        String[] entries = spec.get().split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException(PREVIOUS_PROPERTY + ": entry " + (i + 1)
                        + " must be <version>:<base64 of 32 bytes>, e.g. 1:...");
            }
            int version;
            try {
                version = Integer.parseInt(entry.substring(0, colon).trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(PREVIOUS_PROPERTY + ": entry " + (i + 1)
                        + " must start with a key version number, e.g. 1:...");
            }
            if (version < 1) {
                throw new IllegalStateException(PREVIOUS_PROPERTY + ": entry " + (i + 1) + " has version " + version
                        + "; versions are >= 1");
            }
            if (out.containsKey(version)) {
                throw new IllegalStateException(PREVIOUS_PROPERTY + " lists version " + version + " twice");
            }
            out.put(version, decodeKey(entry.substring(colon + 1), PREVIOUS_PROPERTY + " version " + version));
        }
        return out;
    }

    private static byte[] decodeKey(String base64, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            // The cause quotes the offending character of the key: leave it out.
            throw new IllegalStateException(what + " is not valid base64: it must be the base64 of 32 random bytes");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(what + " decodes to " + bytes.length
                    + " bytes: it must be the base64 of exactly 32 random bytes (AES-256)");
        }
        if (distinct(bytes) < MIN_DISTINCT_BYTES) {
            throw new IllegalStateException(what + " is too weak: its 32 bytes take only " + distinct(bytes)
                    + " distinct values, random keys take about 30; generate one with `openssl rand -base64 32`");
        }
        return bytes;
    }

    private static int distinct(byte[] bytes) {
        Set<Byte> values = new HashSet<>();
        for (byte b : bytes) {
            values.add(b);
        }
        return values.size();
    }

    /** The same keys, encrypting under {@code version} (which must be one of them). */
    SecretCipher withCurrentVersion(int version) {
        return new SecretCipher(keys, version);
    }

    private SecretCipher(Map<Integer, SecretKeySpec> keys, int currentVersion) {
        if (!keys.containsKey(currentVersion)) {
            throw new IllegalStateException("no key for version " + currentVersion);
        }
        this.keys = keys;
        this.keyVersion = currentVersion;
    }

    /** The version that {@link #encrypt} writes. */
    public int keyVersion() {
        return keyVersion;
    }

    /** Every version this ring can decrypt, ascending. */
    public Set<Integer> versions() {
        return new TreeSet<>(keys.keySet());
    }

    public boolean hasVersion(int version) {
        return keys.containsKey(version);
    }

    public EncryptedValue encrypt(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyVersion), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new EncryptedValue(nonce, cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)), keyVersion);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt secret value", e);
        }
    }

    /** Decrypts with the key of the value's own version; fails when that version has no key or the key is wrong. */
    public String decrypt(EncryptedValue value, String associatedData) {
        SecretKeySpec key = keys.get(value.keyVersion());
        if (key == null) {
            throw new IllegalStateException("secret was encrypted under key version " + value.keyVersion()
                    + " but this service holds no key for it (versions " + versions() + ")");
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

    /** Whether {@code value} opens under its version's key with this associated data. */
    public boolean opens(EncryptedValue value, String associatedData) {
        try {
            decrypt(value, associatedData);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
